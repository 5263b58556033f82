import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import { STATUSES } from './api/types.js';

const css = readFileSync(new URL('./styles.css', import.meta.url), 'utf8');

function luminance(hex: string): number {
  const h = hex.replace('#', '');
  const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16) / 255).map((c) =>
    c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4,
  ) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string): number {
  const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (l1 + 0.05) / (l2 + 0.05);
}

function rule(selector: string): { background: string; color: string } {
  const re = new RegExp(`\\${selector}\\s*\\{([^}]*)\\}`);
  const body = re.exec(css)?.[1];
  if (!body) throw new Error(`no CSS rule for ${selector}`);
  const background = /background:\s*(#[0-9a-f]{3,6})/i.exec(body)?.[1];
  const color = /(?:^|[\s;])color:\s*(#[0-9a-f]{3,6})/i.exec(body)?.[1];
  if (!background || !color) throw new Error(`${selector} needs hex background and color`);
  return { background, color };
}

describe('status badge colours', () => {
  it('computes WCAG contrast correctly', () => {
    expect(contrast('#000000', '#ffffff')).to.be.closeTo(21, 0.01);
    expect(contrast('#777777', '#ffffff')).to.be.closeTo(4.48, 0.01);
  });

  for (const status of [...STATUSES, 'unknown']) {
    it(`.badge--${status} has text contrast ≥ 4.5:1`, () => {
      const { background, color } = rule(`.badge--${status}`);
      expect(contrast(background, color)).to.be.at.least(4.5);
    });
  }
});
