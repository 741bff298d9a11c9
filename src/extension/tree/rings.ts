// The tree's progress rings: each objective and key result shows its progress as a
// ring filled in steps of 10%, coloured by health, instead of the error and warning
// glyphs of the Problems panel. Tree icons are images, which cannot read the theme's
// colours, so each ring ships as an SVG for light and one for dark themes (VS Code
// picks by theme kind, high contrast included) in media/rings/, generated from
// `ringSvg` by `npm run rings`; a unit test keeps the files and this code in step.
// Pure: no vscode import.

import type { Health } from '../../core/progress';

export type RingTheme = 'light' | 'dark';

/** Healths whose ring shows how far along it is; the others have one ring each. */
const STEPPED: ReadonlySet<Health> = new Set<Health>(['on-track', 'at-risk', 'off-track']);

export const RING_STEPS = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100] as const;

/** Colours per health: GitHub Primer's, which read on both light and dark backgrounds of their kind. */
const COLOURS: Record<Health, Record<RingTheme, string>> = {
  'on-track': { light: '#1a7f37', dark: '#3fb950' },
  'at-risk': { light: '#9a6700', dark: '#d29922' },
  'off-track': { light: '#cf222e', dark: '#f85149' },
  done: { light: '#1a7f37', dark: '#3fb950' },
  dropped: { light: '#6e7781', dark: '#8b949e' },
  'not-started': { light: '#6e7781', dark: '#8b949e' },
  unknown: { light: '#6e7781', dark: '#8b949e' },
};
const TRACK: Record<RingTheme, string> = { light: '#d0d7de', dark: '#3d444d' };

/** Progress to the nearest step of 10%; a little progress shows as 10%, never as an empty ring. */
export function ringStep(progress: number | undefined): number {
  if (progress === undefined || !Number.isFinite(progress) || progress <= 0) return 0;
  if (progress >= 1) return 100;
  return Math.min(90, Math.max(10, Math.round(progress * 10) * 10));
}

/** The icon's file name without theme and extension: `ring-at-risk-60`, `ring-done`. */
export function ringName(health: Health, progress: number | undefined): string {
  return STEPPED.has(health) ? `ring-${health}-${ringStep(progress)}` : `ring-${health}`;
}

/** Every icon name, for the generator and the test. */
export function allRingNames(): string[] {
  const names: string[] = [];
  for (const h of ['on-track', 'at-risk', 'off-track'] as const) for (const s of RING_STEPS) names.push(`ring-${h}-${s}`);
  for (const h of ['done', 'dropped', 'not-started', 'unknown'] as const) names.push(`ring-${h}`);
  return names;
}

const R = 5.5;
const C = 2 * Math.PI * R;

/** The SVG of one ring, 16 x 16. */
export function ringSvg(name: string, theme: RingTheme): string {
  const m = /^ring-(on-track|at-risk|off-track|done|dropped|not-started|unknown)(?:-(\d+))?$/.exec(name);
  if (!m) throw new RangeError(`no ring named ${name}`);
  const health = m[1] as Health;
  const colour = COLOURS[health][theme];
  const parts = [`<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16">`];
  const circle = (attrs: string) => `<circle cx="8" cy="8" r="${R}" fill="none" ${attrs}/>`;
  switch (health) {
    case 'done':
      parts.push(
        circle(`stroke="${colour}" stroke-width="2.5"`),
        `<path d="M5.4 8.2l1.8 1.8 3.4-3.6" fill="none" stroke="${colour}" stroke-width="1.6" stroke-linecap="round" ` +
          `stroke-linejoin="round"/>`,
      );
      break;
    case 'dropped':
      parts.push(
        circle(`stroke="${colour}" stroke-width="1.5"`),
        `<path d="M4.2 11.8l7.6-7.6" stroke="${colour}" stroke-width="1.5" stroke-linecap="round"/>`,
      );
      break;
    case 'not-started':
      parts.push(circle(`stroke="${colour}" stroke-width="1.5"`));
      break;
    case 'unknown':
      // Dashed: nothing measured yet, so no health to colour.
      parts.push(circle(`stroke="${colour}" stroke-width="1.5" stroke-dasharray="2 2"`));
      break;
    default: {
      const step = Number(m[2]);
      const length = Math.round(((C * step) / 100) * 100) / 100;
      parts.push(circle(`stroke="${TRACK[theme]}" stroke-width="2.5"`));
      if (step >= 100) parts.push(circle(`stroke="${colour}" stroke-width="2.5"`));
      else if (step > 0)
        parts.push(
          circle(
            `stroke="${colour}" stroke-width="2.5" stroke-dasharray="${length} ${Math.round(C * 100) / 100}" transform="rotate(-90 8 8)"`,
          ),
        );
      // Off track also differs in shape, not only in colour: a dot in the middle.
      if (health === 'off-track') parts.push(`<circle cx="8" cy="8" r="1.6" fill="${colour}"/>`);
      break;
    }
  }
  parts.push('</svg>');
  return `${parts.join('')}\n`;
}
