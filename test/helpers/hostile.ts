/**
 * Sizes of the hostile-conditions tests (RELIABILITY.md): a short version in `npm test`, inside the CI budget,
 * and the gate version under `npm run test:hostile` (HOSTILE=1). One variable overrides a single size.
 */
export const HOSTILE = process.env.HOSTILE === '1';

export function size(name: string, ci: number, gate: number): number {
  const given = Number(process.env[name]);
  return Number.isInteger(given) && given > 0 ? given : HOSTILE ? gate : ci;
}

/** Figures for the closing report: printed as one line a script can grep (`HOSTILE-FIGURES {...}`). */
export function report(name: string, figures: Record<string, unknown>): void {
  process.stdout.write(`HOSTILE-FIGURES ${JSON.stringify({ test: name, dialect: process.env.TEST_DIALECT ?? 'sqlite', ...figures })}\n`);
}
