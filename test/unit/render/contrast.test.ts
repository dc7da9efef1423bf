/** Every traffic-light fill against its text colour: WCAG 2 contrast of at least 4.5:1 (AA, normal text). */
import { RAG_STYLES } from '../../../functions/core/render/rag-styles';

/** Relative luminance of an ARGB or RGB hex colour (WCAG 2.x definition). */
function luminance(hex: string): number {
  const rgb = hex.slice(-6);
  const channel = (i: number) => {
    const c = parseInt(rgb.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe('traffic-light contrast', () => {
  it('computes contrast as WCAG does', () => {
    expect(contrast('FFFFFF', '000000')).toBeCloseTo(21, 5);
    expect(contrast('777777', 'FFFFFF')).toBeCloseTo(4.48, 2);
  });

  it.each(Object.entries(RAG_STYLES))('%s text on its fill is at least 4.5:1', (_status, style) => {
    // A status without a fill sits on the page's white.
    expect(contrast(style.fill ?? 'FFFFFFFF', style.font)).toBeGreaterThanOrEqual(4.5);
  });
});
