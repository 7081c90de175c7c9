import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

/**
 * Every page a browser test visits is checked here (STANDARDS: every page passes an automated accessibility check
 * and works at phone width): axe-core's WCAG 2.0/2.1 A and AA rules at desktop and phone width, no horizontal
 * scrolling on the phone, and a screenshot of each width in test-results/screenshots/ for people to look at.
 */

export const SCREENSHOTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test-results/screenshots');
const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 375, height: 812 };

interface AxeNode {
  target: unknown[];
  html: string;
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}

/** One line per violation and one indented line per element, so a failure says what to fix where. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes.map((n) => `    ${n.target.map(String).join(' ')}: ${(n.failureSummary ?? '').replace(/\s*\n\s*/g, ' ')}\n      ${n.html.slice(0, 200)}`);
      return `  ${v.id} (${v.impact ?? 'n/a'}): ${v.help} <${v.helpUrl}>\n${nodes.join('\n')}`;
    })
    .join('\n');
}

/**
 * Runs axe-core in the page. Evaluated through the DevTools protocol, not a <script> tag, so the pages' CSP
 * ('self' scripts only) stays as it is. Frames are not entered: the only frame is Chromium's own PDF viewer.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(AXE_SOURCE);
  const options = JSON.stringify({ runOnly: { type: 'tag', values: TAGS }, iframes: false, resultTypes: ['violations'] });
  return (await page.evaluate(`window.axe.run(document, ${options}).then((r) => r.violations)`)) as AxeViolation[];
}

export async function assertAccessible(page: Page, label: string): Promise<void> {
  const violations = await axeViolations(page);
  assert.equal(violations.length, 0, `${label} (${page.url()}): ${violations.length} accessibility violation(s):\n${describeViolations(violations)}`);
}

/**
 * The whole check of one page as it stands: desktop, then phone width (axe again, no horizontal scroll), a
 * screenshot of each as `<name>-desktop.png` / `<name>-phone.png`; the viewport is desktop again afterwards.
 */
export async function checkPage(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.setViewportSize(DESKTOP);
  await assertAccessible(page, `${name} at ${DESKTOP.width} px`);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-desktop.png`), fullPage: true });
  await page.setViewportSize(PHONE);
  await assertAccessible(page, `${name} at ${PHONE.width} px`);
  // A string, as the test program has no DOM types: it runs in the page.
  const widths = (await page.evaluate('[document.scrollingElement.scrollWidth, window.innerWidth]')) as [number, number];
  assert.ok(widths[0] <= widths[1], `${name}: no horizontal scrolling at ${PHONE.width} px (content is ${widths[0]} px wide)`);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-phone.png`), fullPage: true });
  await page.setViewportSize(DESKTOP);
  await painted(page);
}

/** Resolves once the page has painted twice: after a resize or a scroll, before the next click. */
export async function painted(page: Page): Promise<void> {
  await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
}
