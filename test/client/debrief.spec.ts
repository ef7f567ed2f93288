import { debriefParagraphs } from '../../client/src/debrief';

describe('debriefParagraphs', () => {
  it('joins hard-wrapped lines, splits on blank lines, keeps list items on their own line', () => {
    expect(debriefParagraphs('The tag\ndid not exist.\n\nFix:\n- set the tag\n- wait\n')).toEqual([
      'The tag did not exist.',
      'Fix:\n- set the tag\n- wait',
    ]);
  });
});
