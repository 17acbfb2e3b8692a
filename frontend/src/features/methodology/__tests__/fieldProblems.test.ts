import { toProblem } from '../../../api/problem';
import { expressionPosition, indexProblems } from '../shared/fieldProblems';

describe('indexProblems', () => {
  const problems = toProblem(
    {
      status: 422,
      errors: [
        {
          field: 'definition.sections[0].items[1].condition',
          message: 'answers.nope does not exist',
          line: 1,
          column: 40,
        },
        { field: 'definition.sections[0].items[1].condition', message: 'second', line: 2, column: 1 },
        { field: 'definition.sections[0].items[1].label.kk', message: 'is required' },
        { field: 'definition.scales[2].bands[1].from', message: 'overlaps the previous band' },
        { field: 'definition.sections', message: 'a cycle' },
      ],
    },
    422,
  ).errors;
  const index = indexProblems(problems);

  it('finds the problems of one field by its dotted path, keeping line and column', () => {
    expect(index.at('definition.sections.0.items.1.condition')).toEqual([
      {
        field: 'definition.sections[0].items[1].condition',
        message: 'answers.nope does not exist',
        line: 1,
        column: 40,
      },
      { field: 'definition.sections[0].items[1].condition', message: 'second', line: 2, column: 1 },
    ]);
    expect(index.at('definition.scales.2.bands.1.from')[0]?.message).toBe('overlaps the previous band');
    expect(index.at('definition.sections.0.items.0.condition')).toEqual([]);
  });

  it('counts what lies inside a card or a tab, not what merely shares a prefix', () => {
    expect(index.countUnder('definition.sections.0.items.1')).toBe(3);
    expect(index.countUnder('definition.sections')).toBe(4);
    expect(index.countUnder('definition.scales')).toBe(1);
    expect(index.countUnder('definition.sections.0.items.10')).toBe(0);
    expect(index.countUnder('definition.overall')).toBe(0);
  });

  it('keeps every problem in order for the summary, and is empty for none', () => {
    expect(index.all).toHaveLength(5);
    expect(indexProblems(undefined).countUnder('definition')).toBe(0);
    expect(indexProblems([]).all).toEqual([]);
  });
});

describe('expressionPosition', () => {
  it('marks the character the checker points at, with its offset in the whole expression', () => {
    const source = 'has(answers.violent_offence) && answers.nope == true';
    const at = expressionPosition(source, 1, 40);
    expect(at).toMatchObject({ line: 1, column: 40, index: 39, offset: 39 });
    expect(at.lineText[at.index]).toBe('.');
  });

  it('counts the lines before it in the offset', () => {
    const source = "levels.a == 'HIGH'\n  ? 'HIGH'\n  : levels.nope";
    const at = expressionPosition(source, 3, 5);
    expect(at.lineText).toBe('  : levels.nope');
    expect(at.index).toBe(4);
    expect(source.slice(at.offset, at.offset + 6)).toBe('levels');
  });

  it('clamps a position past the end of its line or of the text (e.g. a missing parenthesis)', () => {
    expect(expressionPosition('size(flags', 1, 99)).toMatchObject({ index: 10, column: 11, offset: 10 });
    expect(expressionPosition('a\nb', 7, 1)).toMatchObject({ line: 2, lineText: 'b', offset: 2 });
    expect(expressionPosition('', 1, 1)).toMatchObject({ line: 1, column: 1, index: 0, offset: 0, lineText: '' });
  });
});
