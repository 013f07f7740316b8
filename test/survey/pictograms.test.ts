import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PICTOGRAM_NAMES } from '../../src/survey/pictogramNames.ts';

describe('pictograms', () => {
  const files = readdirSync('public/pictograms').filter((f) => f.endsWith('.svg'));

  it('ships an SVG for every pictogram a survey may name, and none unnamed', () => {
    expect(files.map((f) => f.replace(/\.svg$/, '')).sort()).toEqual([...PICTOGRAM_NAMES].sort());
  });

  it('are under a recorded permissive licence', () => {
    expect(readFileSync('public/pictograms/LICENSE.md', 'utf8')).toMatch(/CC0 1\.0 Universal/);
  });

  it('draws them without text, scripts, raster images or outside references', () => {
    for (const file of files) {
      const svg = readFileSync(`public/pictograms/${file}`, 'utf8');
      expect(svg, file).toMatch(/viewBox="0 0 96 96"/);
      expect(svg, file).not.toMatch(/<script|<image|<text|<foreignObject|href="http/i);
    }
  });
});
