/** Debriefs come from YAML blocks with hard line breaks: blank lines separate paragraphs; list items keep their own line. */
export function debriefParagraphs(debrief: string): string[] {
  return debrief
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim().replace(/\n(?!\s*(?:[-*•]|\d+[.)])\s)/g, ' '))
    .filter((paragraph) => paragraph.length > 0);
}
