import { describe, expect, it } from 'vitest';
import type { ModelBundle } from '../bundle/types';
import { modelCardHtml } from './modelCard';
import { MODEL_CARD_SECTIONS } from './section';
import { bundleWithoutTest, networkBundle, scorecardBundle, TEST_CHARTS } from '../../../test/support/modelCardBundles';

/** The text of the table row whose header cell is `header` (first match), or null. */
function rowOf(doc: string, header: string): string | null {
  const found = new RegExp(`<th scope="row"[^>]*>${header.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</th>`).exec(doc);
  if (found === null) return null;
  const at = found.index;
  const start = doc.lastIndexOf('<tr>', at);
  return doc.slice(start, doc.indexOf('</tr>', at) + 5);
}

/** The cells (td) of a row as text. */
function cellsOf(row: string): string[] {
  return [...row.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => m[1]);
}

/** The body of one section, from its <h2> to the next <section>. */
function sectionOf(doc: string, id: string): string {
  const start = doc.indexOf(`<h2 id="${id}">`);
  expect(start).toBeGreaterThan(0);
  const end = doc.indexOf('</section>', start);
  return doc.slice(start, end);
}

/** The number of points in the polyline of `series`. */
function polylinePoints(doc: string, series: string): string[] {
  const m = doc.match(new RegExp(`<polyline data-series="${series}" points="([^"]*)"`));
  expect(m, `polyline ${series}`).not.toBeNull();
  return m![1].split(' ');
}

const VOID = new Set(['meta', 'br', 'hr', 'img', 'input', 'link', 'col', 'wbr']);

/** Checks that every element is closed in order (bundle text is escaped, so every "<" in the card starts a tag); returns the first problem or null. */
function tagProblem(doc: string): string | null {
  const stack: string[] = [];
  for (const m of doc.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*?(\/?)>/g)) {
    const [, closing, name, selfClosing] = m;
    const tag = name.toLowerCase();
    if (closing === '') {
      if (selfClosing !== '/' && !VOID.has(tag)) stack.push(tag);
    } else if (stack.pop() !== tag) return `unexpected </${tag}> at ${m.index}`;
  }
  return stack.length === 0 ? null : `unclosed <${stack.join('>, <')}>`;
}

describe('modelCardHtml: the document', () => {
  const doc = modelCardHtml(networkBundle(), { generatedAt: '2025-03-05T08:00:00Z' });

  it('is a complete HTML document in English with a charset and a title', () => {
    expect(doc.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(doc).toContain('<meta charset="utf-8">');
    expect(doc).toContain('<title>Model card: Home loans 2024</title>');
    expect(doc.trimEnd().endsWith('</html>')).toBe(true);
    expect(tagProblem(doc)).toBeNull();
  });

  it('has every section, by heading id, in order, and headings that never skip a level', () => {
    const ids = [...doc.matchAll(/<h2 id="([^"]+)">/g)].map((m) => m[1]);
    expect(ids).toEqual(MODEL_CARD_SECTIONS.map((s) => s.id));
    expect(ids).toContain('quantitative-analyses');
    const levels = [...doc.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]));
    expect(levels[0]).toBe(1);
    expect(levels.filter((l) => l === 1)).toHaveLength(1);
    for (let i = 1; i < levels.length; i++) expect(levels[i] - levels[i - 1]).toBeLessThanOrEqual(1);
  });

  it('loads nothing from outside: no script, no src, no link, only in-page hrefs, no URL', () => {
    expect(doc).not.toMatch(/<script/i);
    expect(doc).not.toMatch(/<link/i);
    expect(doc).not.toMatch(/<[^>]*\ssrc\s*=/i);
    expect(doc).not.toMatch(/@import/i);
    expect(doc).not.toMatch(/https?:|\/\/[a-z]/i);
    const hrefs = [...doc.matchAll(/href\s*=\s*"([^"]*)"/gi)].map((m) => m[1]);
    expect(hrefs.length).toBe(MODEL_CARD_SECTIONS.length);
    for (const href of hrefs) expect(href).toMatch(/^#[a-z-]+$/);
    const urls = [...doc.matchAll(/url\(([^)]*)\)/g)].map((m) => m[1]);
    for (const url of urls) expect(url.startsWith('#')).toBe(true);
  });

  it('has every table header cell scoped', () => {
    const ths = [...doc.matchAll(/<th(\s[^>]*)?>/g)];
    expect(ths.length).toBeGreaterThan(50);
    for (const th of ths) expect(th[0]).toMatch(/scope="(row|col)"/);
  });

  it('has a print style sheet and shows the generation time', () => {
    expect(doc).toMatch(/<style>[\s\S]*@media print[\s\S]*<\/style>/);
    expect(doc).toContain('card generated 2025-03-05T08:00:00Z');
    expect(modelCardHtml(networkBundle())).not.toContain('card generated');
  });

  it('is the same for the same bundle', () => {
    expect(modelCardHtml(networkBundle(), { generatedAt: '2025-03-05T08:00:00Z' })).toBe(doc);
  });
});

describe('modelCardHtml: model details and figures', () => {
  const doc = modelCardHtml(networkBundle());

  it('names the model, its kind, provenance and file', () => {
    const details = sectionOf(doc, 'model-details');
    expect(cellsOf(rowOf(details, 'Kind')!)).toEqual(['MLP ensemble of 5 members, hidden layers 32 → 16 units']);
    expect(cellsOf(rowOf(details, 'File size')!)).toEqual(['1.5 MB (1,572,864 bytes)']);
    expect(details).toContain(`<code>${'ab'.repeat(32)}</code>`);
    expect(cellsOf(rowOf(details, 'Created by')!)[0]).toContain('app');
    expect(cellsOf(rowOf(details, 'Seed')!)).toEqual(['42']);
    expect(cellsOf(rowOf(details, 'Weight storage')!)).toEqual(['quantised to float16']);
  });

  it('prints the test metrics at fixed precision next to the baseline', () => {
    const metrics = sectionOf(doc, 'metrics');
    // AUC 0.91234 in [0.90012, 0.92457] → 4 decimals.
    expect(cellsOf(rowOf(metrics, 'AUC')!).slice(0, 2)).toEqual(['0.9123 (95% CI 0.9001 to 0.9246)', '0.5000']);
    expect(cellsOf(rowOf(metrics, 'Gini')!).slice(0, 2)).toEqual(['0.8247', '0.0000']);
    expect(cellsOf(rowOf(metrics, 'KS')!).slice(0, 2)).toEqual(['0.6543', '0.0000']);
    expect(cellsOf(rowOf(metrics, 'Log loss')!).slice(0, 2)).toEqual(['0.2346', '0.5004']);
    expect(cellsOf(rowOf(metrics, 'Brier score')!).slice(0, 2)).toEqual(['0.0789', '0.1600']);
    expect(cellsOf(rowOf(metrics, 'ECE')!).slice(0, 2)).toEqual(['0.0123', '0.0046']);
    expect(cellsOf(rowOf(metrics, 'Mean predicted probability of bad')!)).toEqual(['19.9%']);
    expect(cellsOf(rowOf(metrics, 'Observed bad rate')!)).toEqual(['20.0%']);
    expect(metrics).toContain('On 1,000 held-out test rows');
  });

  it('leaves out an AUC interval that could not be computed', () => {
    const b = networkBundle();
    const test = b.metrics.test!;
    const bundle: ModelBundle = { ...b, metrics: { ...b.metrics, test: { ...test, metrics: { ...test.metrics, aucLower: Number.NaN, aucUpper: Number.NaN } } } };
    expect(cellsOf(rowOf(sectionOf(modelCardHtml(bundle), 'metrics'), 'AUC')!).slice(0, 2)).toEqual(['0.9123', '0.5000']);
  });

  it('reports calibration, cross-validation and each member’s epochs', () => {
    const metrics = sectionOf(doc, 'metrics');
    expect(cellsOf(rowOf(metrics, 'Fitted on')!)[0]).toBe('4,000 out-of-fold rows of the training rows (never test rows)');
    expect(cellsOf(rowOf(metrics, 'Cross-validated log loss of each method considered')!)[0]).toBe('none 0.2501; platt 0.2432; isotonic 0.2450');
    const cv = metrics.slice(metrics.indexOf('<caption>Cross-validation</caption>'));
    expect(cellsOf(rowOf(cv, 'AUC')!)).toEqual(['0.9100 ± 0.0082']);
    expect(cellsOf(rowOf(cv, 'Log loss')!)).toEqual(['0.2350 ± 0.0041']);
    expect(cellsOf(rowOf(cv.slice(cv.indexOf('Cross-validation folds')), '2')!)).toEqual(['0.9200', '0.6600', '0.2300']);
    const epochs = metrics.slice(metrics.indexOf('Training epochs of each ensemble member'));
    expect(cellsOf(rowOf(epochs, '3')!)).toEqual(['32', '22', 'yes']);
  });

  it('lists the input columns with types and trained ranges or levels', () => {
    const factors = sectionOf(doc, 'factors');
    expect(cellsOf(rowOf(factors, 'income')!)).toEqual(['number', '1200 to 250000', '31']);
    expect(cellsOf(rowOf(factors, 'home')!)).toEqual(['category', 'own, rent, mortgage', '0']);
  });

  it('gives the row counts and the cleaning report', () => {
    const training = sectionOf(doc, 'training-data');
    expect(cellsOf(rowOf(training, 'Rows before cleaning')!)).toEqual(['5,230']);
    expect(cellsOf(rowOf(training, 'Rows after the row rules')!)).toEqual(['5,000']);
    expect(cellsOf(rowOf(training, 'Of these bad (default = 1)')!)).toEqual(['1,000']);
    expect(cellsOf(rowOf(training, 'duplicate rows')!)).toEqual(['whole row', 'identical in every column; the first is kept', '200']);
    expect(cellsOf(rowOf(training, 'impossible values (range rule)')!)).toEqual(['income', '≥ 0', '5']);
    expect(cellsOf(rowOf(training.slice(training.indexOf('Missing cells in the training rows')), 'income')!)).toEqual(['31', 'median', 'the median of the training rows']);
    expect(cellsOf(rowOf(training.slice(training.indexOf('Features clipped')), 'income')!)).toEqual(['IQR, k = 1.5, bounds 0 to 180000', '7']);
    expect(cellsOf(rowOf(training, 'branch')!)).toEqual(['a single value', 'Every training row has the same value.']);
    const evaluation = sectionOf(doc, 'evaluation-data');
    expect(cellsOf(rowOf(evaluation, 'Test rows')!)).toEqual(['1,000']);
    expect(cellsOf(rowOf(evaluation, 'Share of the kept rows')!)).toEqual(['20.0% asked for; 20.0% of the 5,000 kept rows']);
  });

  it('describes each feature’s preprocessing', () => {
    const features = sectionOf(doc, 'features');
    expect(cellsOf(rowOf(features, 'income')!)).toEqual([
      'number',
      'median: 42000',
      'yes',
      'IQR, k = 1.5, bounds 0 to 180000 (7 training cells clipped)',
      '≥ 0',
      'standardised: (x − 50123.5) / 20456.3',
    ]);
    expect(cellsOf(rowOf(features, 'home')!)).toEqual([
      'category',
      'most frequent value: &quot;rent&quot;',
      'no',
      'none',
      'any level',
      'one-hot over 3 levels (an unseen level is none of them)',
    ]);
  });

  it('gives the settings', () => {
    const settings = sectionOf(doc, 'settings');
    expect(cellsOf(rowOf(settings, 'Hidden layers')!)).toEqual(['32 → 16 units']);
    expect(cellsOf(rowOf(settings, 'Backend')!)).toEqual(['webgl']);
    expect(cellsOf(rowOf(settings, 'Training time')!)).toEqual(['3 min 12 s']);
    expect(cellsOf(rowOf(settings, 'Validation plan')!)[0]).toContain('cross-fit over 5 folds');
  });

  it('names the quantisation and the calibration rows among the caveats', () => {
    const caveats = sectionOf(doc, 'caveats');
    expect(caveats).toContain('quantised to float16');
    expect(caveats).toContain('up to 0.0020');
    expect(caveats).toContain('calibrated on 4,000 out-of-fold rows, not on the test rows');
    expect(caveats).toContain('one held-out split of this file (1,000 test rows)');
    expect(sectionOf(doc, 'ethical-considerations')).toContain('protected attributes');
    expect(sectionOf(doc, 'ethical-considerations')).toContain('not tested by CreditLab');
  });
});

describe('modelCardHtml: decision policy', () => {
  const withCutoff = (cutoff: number): ModelBundle => {
    const b = networkBundle();
    return { ...b, policy: { ...b.policy, cutoff } };
  };

  it('reads the approval rate and bad rate among approved at the cut-off from the cut-off table', () => {
    const policy = sectionOf(modelCardHtml(withCutoff(0.2)), 'decision-policy');
    expect(cellsOf(rowOf(policy, 'Approval rate')!)).toEqual(['60.0% (600 of 1,000)']);
    expect(cellsOf(rowOf(policy, 'Bad rate among approved')!)).toEqual(['5.0% (30 of 600)']);
    expect(policy).not.toContain('nearest step');
    expect(cellsOf(rowOf(policy, 'Base score')!)).toEqual(['600']);
    expect(cellsOf(rowOf(policy, 'Base odds (good:bad)')!)).toEqual(['50:1']);
    expect(cellsOf(rowOf(policy, 'Points to double the odds (PDO)')!)).toEqual(['20']);
    // 0.2: odds 4:1 → 487.1229 + 28.8539 · ln 4 = 527.1229.
    expect(cellsOf(rowOf(policy, 'Cut-off on the points scale')!)).toEqual(['approve above 527.1 points']);
  });

  it('says so when the cut-off falls between steps, and shows the nearest one', () => {
    const policy = sectionOf(modelCardHtml(withCutoff(0.27)), 'decision-policy');
    expect(policy).toContain('no step at exactly 0.2700');
    expect(policy).toContain('its nearest step, 0.3000');
    expect(cellsOf(rowOf(policy, 'Cut-off of the figures')!)).toEqual(['0.3000 (nearest step)']);
    expect(cellsOf(rowOf(policy, 'Approval rate')!)).toEqual(['70.0% (700 of 1,000)']);
    expect(cellsOf(rowOf(policy, 'Bad rate among approved')!)).toEqual(['8.0% (56 of 700)']);
  });
});

describe('modelCardHtml: charts', () => {
  const doc = modelCardHtml(networkBundle());

  it('draws one polyline point per chart point, non-empty calibration bins only', () => {
    expect(polylinePoints(doc, 'roc')).toHaveLength(TEST_CHARTS.roc.length);
    expect(polylinePoints(doc, 'calibration')).toHaveLength(TEST_CHARTS.calibration.filter((b) => b.count > 0).length);
    expect(polylinePoints(doc, 'calibration')).toHaveLength(4);
    expect(polylinePoints(doc, 'ks-bads')).toHaveLength(TEST_CHARTS.ks.length);
    expect(polylinePoints(doc, 'ks-goods')).toHaveLength(TEST_CHARTS.ks.length);
    expect(doc.match(/class="bar-bad"/g)).toHaveLength(TEST_CHARTS.distribution.length);
    expect(doc.match(/class="bar-good"/g)).toHaveLength(TEST_CHARTS.distribution.length);
  });

  it('places the points on the axes: ROC (0.05, 0.5) at x = 60 + 0.05·344, y = 40 + 0.5·228', () => {
    expect(polylinePoints(doc, 'roc')[1]).toBe('77.2,154.0');
    expect(polylinePoints(doc, 'roc')[4]).toBe('404.0,40.0');
  });

  it('gives every chart a title, a description, axis labels and a caption; bad is dashed or hatched', () => {
    const figures = [...doc.matchAll(/<figure class="chart"[\s\S]*?<\/figure>/g)].map((m) => m[0]);
    expect(figures).toHaveLength(4);
    for (const f of figures) {
      expect(f).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="[^"]+-title [^"]+-desc"/);
      expect(f).toMatch(/<title id="[^"]+-title">[^<]+<\/title>/);
      expect(f).toMatch(/<desc id="[^"]+-desc">[^<]{40,}<\/desc>/);
      expect(f.match(/class="axis-title"/g)).toHaveLength(2);
      expect(f).toMatch(/<figcaption>[\s\S]{40,}<\/figcaption>/);
    }
    expect(figures[0]).toContain('class="diagonal"');
    expect(figures[1]).toContain('class="diagonal"');
    expect(doc).toMatch(/<polyline data-series="ks-bads"[^>]*stroke-dasharray="6 3"/);
    expect(doc).toMatch(/class="bar-bad"[^>]*fill="url\(#model-card-bad-hatch\)"/);
    expect(figures[0]).toContain('Declining 10% of the goods declines 60.0% of the bads');
  });
});

describe('modelCardHtml: a model trained on every row', () => {
  const doc = modelCardHtml(bundleWithoutTest());

  it('says there are no test figures where they would be, and draws no charts', () => {
    expect(sectionOf(doc, 'metrics')).toContain('No held-out test rows');
    expect(sectionOf(doc, 'metrics')).toContain('The cross-validation below is the only estimate');
    expect(sectionOf(doc, 'evaluation-data')).toContain('No held-out test rows');
    expect(sectionOf(doc, 'quantitative-analyses')).toContain('No held-out test rows');
    expect(sectionOf(doc, 'decision-policy')).toContain('No cut-off table');
    expect(sectionOf(doc, 'caveats')).toContain('There are no held-out test figures');
    expect(doc).not.toContain('<svg');
    expect(doc).not.toContain('95% CI');
    expect(tagProblem(doc)).toBeNull();
  });
});

describe('modelCardHtml: escaping', () => {
  it('turns hostile bundle strings into inert text', () => {
    const base = networkBundle();
    const hostile = '<script>alert(1)</script>';
    const img = '<img src=x onerror="alert(2)">';
    const bundle: ModelBundle = {
      ...base,
      name: hostile,
      schema: {
        ...base.schema,
        columns: [
          { name: img, kind: 'numeric', trainedMin: 0, trainedMax: 1, missingInTraining: 0 },
          { name: 'home', kind: 'categorical', levels: [`"q" & 'a' </td>`], missingInTraining: 0 },
        ],
        outcome: { target: '<b>default</b>', bad: '1', good: '0' },
      },
      preprocessing: { ...base.preprocessing, features: [{ ...base.preprocessing.features[0], name: img }, base.preprocessing.features[1]] },
      provenance: { ...base.provenance, trainingFile: { ...base.provenance.trainingFile, name: '</title><script src="https://evil.example/x.js"></script>' } },
    };
    const doc = modelCardHtml(bundle);
    expect(doc).not.toMatch(/<script/i);
    expect(doc).not.toMatch(/<img/i);
    expect(doc).not.toContain('<b>');
    // "src=" survives only as text: no tag has such an attribute.
    expect(doc).not.toMatch(/<[^>]*\s(src|onerror)\s*=/i);
    expect(doc).toContain('<title>Model card: &lt;script&gt;alert(1)&lt;/script&gt;</title>');
    expect(doc).toContain('&lt;img src=x onerror=&quot;alert(2)&quot;&gt;');
    expect(doc).toContain('&quot;q&quot; &amp; &#39;a&#39; &lt;/td&gt;');
    expect(doc).toContain('&lt;b&gt;default&lt;/b&gt;');
    expect(tagProblem(doc)).toBeNull();
    // The one URL is the hostile file name's, as inert text.
    expect(doc.match(/https:/g)).toHaveLength(doc.match(/evil\.example/g)!.length);
  });
});

describe('modelCardHtml: a scorecard', () => {
  const doc = modelCardHtml(scorecardBundle());
  const features = sectionOf(doc, 'features');

  it('lists each characteristic with its IV (hand-computed from the bin counts)', () => {
    // age: %good 30/80, 50/80; %bad 12/20, 8/20 → IV (0.375 − 0.6)·ln(0.375/0.6) + (0.625 − 0.4)·ln(0.625/0.4) = 0.10575 + 0.10041 = 0.2062.
    // home: %good 40/80, 40/80; %bad 5/20, 15/20 → IV 0.25·ln 2 + 0.25·ln 1.5 = 0.17329 + 0.10137 = 0.2747.
    const summary = features.slice(features.indexOf('<caption>Characteristics</caption>'));
    expect(cellsOf(rowOf(summary, 'age')!).slice(0, 4)).toEqual(['number', '0.2062', 'medium', '−0.9000']);
    expect(cellsOf(rowOf(summary, 'home')!).slice(0, 4)).toEqual(['category', '0.2747', 'medium', '−1.0000']);
    expect(sectionOf(doc, 'model-details')).toContain('points scorecard of 2 characteristics');
  });

  it('gives each bin’s points on the policy’s scale, as worked by hand, and they add up', () => {
    // Scale 600 at 50:1, 20 to double: factor = 20 / ln 2 = 28.85390, offset = 600 − factor · ln 50 = 487.12288.
    // Points of a bin = round(−(β · WoE + β₀ / 2) · factor + offset / 2) with β₀ = −1.3:
    //   age < 30: WoE ln(0.375 / 0.6) = −0.47000 → −(0.42300 − 0.65) · 28.8539 + 243.5614 = 250.11 → 250
    //   age ≥ 30: WoE ln(0.625 / 0.4) = 0.44629 → −(−0.40166 − 0.65) · 28.8539 + 243.5614 = 273.91 → 274
    //   age missing (WoE 0): 0.65 · 28.8539 + 243.5614 = 262.32 → 262
    //   home own: WoE ln 2 = 0.69315 → −(−0.69315 − 0.65) · 28.8539 + 243.5614 = 282.32 → 282
    //   home rent, other: WoE ln(2/3) = −0.40547 → −(0.40547 − 0.65) · 28.8539 + 243.5614 = 250.62 → 251
    //   home missing: 262
    const expected: Record<string, [string, string][]> = {
      age: [
        ['&lt; 30', '250'],
        ['≥ 30', '274'],
        ['Missing', '262'],
      ],
      home: [
        ['own', '282'],
        ['rent, other', '251'],
        ['Missing', '262'],
      ],
    };
    // The same by the formula, written here independently of the core.
    const factor = 20 / Math.LN2;
    const offset = 600 - factor * Math.log(50);
    const points = (beta: number, woe: number) => Math.round(-(beta * woe + -1.3 / 2) * factor + offset / 2);
    expect([points(-0.9, Math.log(0.375 / 0.6)), points(-0.9, Math.log(0.625 / 0.4)), points(-0.9, 0)]).toEqual([250, 274, 262]);
    expect([points(-1, Math.log(2)), points(-1, Math.log(2 / 3)), points(-1, 0)]).toEqual([282, 251, 262]);
    for (const [column, bins] of Object.entries(expected)) {
      const table = features.slice(features.indexOf(`<caption>${column}: points per bin`));
      for (const [label, pts] of bins) expect(cellsOf(rowOf(table, label)!).at(-1), `${column} ${label}`).toBe(pts);
    }
    const ageUnder30 = cellsOf(rowOf(features.slice(features.indexOf('<caption>age: points per bin')), '&lt; 30')!);
    expect(ageUnder30).toEqual(['42', '42.0%', '28.6%', '−0.4700', '0.1058', '250']);
    // Scores run from 250 + 251 to 274 + 282; an applicant aged 25 who owns scores 250 + 282 = 532, within
    // m / 2 = 1 point of the exact offset − factor · log-odds = 487.1229 + 28.8539 · (1.3 + 0.9 · (−0.47000) + 0.69315) = 532.43.
    expect(features).toContain('Scores run from 501 to 556 points');
    const exact = offset - factor * (-1.3 - 0.9 * Math.log(0.375 / 0.6) - Math.log(2));
    expect(Math.abs(250 + 282 - exact)).toBeLessThanOrEqual(1);
    expect(features).toContain('branch: left out, IV 0.0040 below the floor of 0.0200.');
  });

  it('says what does not apply to a scorecard', () => {
    expect(sectionOf(doc, 'metrics')).toContain('A scorecard is fitted in one pass');
    const settings = sectionOf(doc, 'settings');
    expect(cellsOf(rowOf(settings, 'Numeric encoding')!)).toEqual(['not used: the scorecard bins the answers']);
    expect(cellsOf(rowOf(settings, 'Out-of-fold log loss')!)).toEqual(['none 0.4512; Platt 0.4523']);
    expect(sectionOf(doc, 'caveats')).toContain('rounding moves');
    expect(sectionOf(doc, 'caveats')).not.toContain('quantised');
    expect(tagProblem(doc)).toBeNull();
  });
});
