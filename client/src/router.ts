/** Hash routing: `#/catalogue`, `#/play`, `#/leaderboards`, `#/quiz`, `#/instructor`. */
export const PAGES = ['catalogue', 'play', 'leaderboards', 'quiz', 'instructor'] as const;
export type PageName = (typeof PAGES)[number];

export function currentPage(): PageName {
  const name = location.hash.replace(/^#\/?/, '').split('/')[0];
  return (PAGES as readonly string[]).includes(name) ? (name as PageName) : 'catalogue';
}

export function go(page: PageName): void {
  if (currentPage() !== page || !location.hash) location.hash = `#/${page}`;
}

/** Shows one page, marks its nav link, and tells the page it is visible. */
export function showPage(page: PageName, onShow: (page: PageName) => void): void {
  for (const name of PAGES) {
    const section = document.getElementById(`page-${name}`);
    if (section) section.hidden = name !== page;
  }
  for (const link of document.querySelectorAll<HTMLAnchorElement>('.nav a[data-page]')) {
    if (link.dataset.page === page) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  onShow(page);
}
