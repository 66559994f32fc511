// The model card: one self-contained HTML document describing a model bundle for validators and
// users (Mitchell et al., "Model Cards for Model Reporting", FAT* 2019). It is a pure function of
// the bundle: no external asset, no script, every bundle string escaped, every figure formatted at
// a fixed precision, so the same bundle always gives the same card.

import type { ModelBundle } from '../bundle/types';
import { modelKindText } from './describe';
import { html, raw } from './html';
import { MODEL_CARD_SECTIONS } from './section';
import { caveatsSection, ethicalConsiderationsSection } from './sections/caveats';
import { evaluationDataSection, trainingDataSection } from './sections/data';
import { factorsSection, intendedUseSection, modelDetailsSection } from './sections/details';
import { featuresSection } from './sections/features';
import { metricsSection, quantitativeAnalysesSection } from './sections/performance';
import { decisionPolicySection } from './sections/policy';
import { settingsSection } from './sections/settings';
import { MODEL_CARD_CSS } from './styles';

/** Options of the card. */
export interface ModelCardOptions {
  /** When the card was made (ISO 8601), shown under the title; left out when absent, so the card depends on the bundle alone. */
  readonly generatedAt?: string;
}

/** The model card of `bundle` as a complete, self-contained HTML document (UTF-8). */
export function modelCardHtml(bundle: ModelBundle, options: ModelCardOptions = {}): string {
  const p = bundle.provenance;
  const generated = options.generatedAt === undefined ? '' : `; card generated ${options.generatedAt}`;
  const toc = MODEL_CARD_SECTIONS.map((s) => html`<li><a href="#${s.id}">${s.title}</a></li>`);
  const doc = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="CreditLab ${p.appVersion}">
<title>Model card: ${bundle.name}</title>
<style>${raw(MODEL_CARD_CSS)}</style>
</head>
<body>
<main>
<header>
<h1>Model card: ${bundle.name}</h1>
<p class="subtitle">${modelKindText(bundle)}; trained ${p.createdAt} with CreditLab ${p.appVersion}${generated}.</p>
</header>
<nav aria-label="Sections"><strong>Contents</strong><ol>${toc}</ol></nav>
${modelDetailsSection(bundle)}${intendedUseSection(bundle)}${factorsSection(bundle)}${metricsSection(bundle)}${evaluationDataSection(bundle)}${trainingDataSection(bundle)}${featuresSection(
  bundle,
)}${settingsSection(bundle)}${decisionPolicySection(bundle)}${quantitativeAnalysesSection(bundle)}${ethicalConsiderationsSection(bundle)}${caveatsSection(bundle)}<footer>
<p>Made by CreditLab from the model bundle (${bundle.format}, version ${String(bundle.version)}) alone. Structure after Mitchell et al., “Model Cards for Model Reporting”, FAT* 2019.</p>
</footer>
</main>
</body>
</html>
`;
  return doc.text;
}
