// Model details, intended use and factors: what the model is, what it is for, and what it reads.

import type { ModelBundle, SchemaColumn } from '../../bundle/types';
import { badText, goodText, modelKindText } from '../describe';
import { count, fileSize, plain } from '../format';
import { html, type Html } from '../html';
import { bullets, paragraph, section } from '../section';
import { dataTable, factTable } from '../tables';

// A categorical column's levels beyond this many are counted, not listed, so a card stays readable.
const MAX_LEVELS_LISTED = 12;

/** Name, kind, provenance and file of the model. */
export function modelDetailsSection(bundle: ModelBundle): Html {
  const p = bundle.provenance;
  const file = p.trainingFile;
  const facts: [string, Html | string][] = [
    ['Name', bundle.name],
    ['Model id', bundle.id],
    ['Kind', modelKindText(bundle)],
    ['Created', p.createdAt],
    ['CreditLab version', p.appVersion],
    ['Created by', p.createdBy === 'app' ? 'the CreditLab app (trained in the browser)' : 'the CreditLab command line (npm run evaluate --save)'],
    ['Training file', file.name],
    ['File size', fileSize(file.sizeBytes)],
    ['File SHA-256', html`<code>${file.sha256}</code>`],
    ['File rows and columns', `${count(file.rows)} rows, ${count(file.columns)} columns`],
    ['Seed', plain(p.seed)],
    ['Bundle format', `${bundle.format}, version ${bundle.version}`],
  ];
  if (bundle.model.kind === 'network') {
    facts.push(['Inputs per row', count(bundle.model.inputWidth)]);
    facts.push(['Weight storage', bundle.model.quantization === 'none' ? 'float32 (not quantised)' : `quantised to ${bundle.model.quantization}`]);
  }
  if (bundle.model.kind === 'boosted') {
    facts.push(['Inputs per row', count(bundle.model.inputWidth)]);
    facts.push(['Trees', count(bundle.model.forests.reduce((n, f) => n + f.trees.length, 0))]);
  }
  return section(
    'model-details',
    html`${paragraph(`A model that estimates the probability that a credit applicant turns out ${badText(bundle)} rather than ${goodText(bundle)}.`)}${factTable('Model details', facts)}`,
  );
}

/** What the model is for, who uses it, and what it must not be used for. */
export function intendedUseSection(bundle: ModelBundle): Html {
  const file = bundle.provenance.trainingFile;
  return section(
    'intended-use',
    html`${paragraph(
      `Primary use: scoring applications for credit of the kind in the training file “${file.name}” (${count(file.rows)} rows), as a decision aid for loan officers. ` +
        'The score and the cut-off inform a decision a person makes and can explain; they do not make it.',
    )}${paragraph('Primary users: loan officers and credit analysts deciding on applications; model validators and risk managers reviewing the model.')}${paragraph('Out of scope:')}${bullets(
      [
        'other populations or credit products than those in the training file (another country, segment, channel or loan type);',
        'fully automated decisions without review by a person;',
        'any use on data unlike the training file: other columns, other meanings or units of a column, values outside the trained ranges, or an applicant population that has drifted.',
      ],
    )}`,
  );
}

function columnRangeText(column: SchemaColumn): string {
  if (column.kind === 'numeric') {
    return column.trainedMin === null || column.trainedMax === null ? 'no values in training' : `${plain(column.trainedMin)} to ${plain(column.trainedMax)}`;
  }
  const levels = column.levels;
  if (levels.length <= MAX_LEVELS_LISTED) return levels.length === 0 ? 'no levels' : levels.join(', ');
  return `${levels.slice(0, MAX_LEVELS_LISTED).join(', ')} and ${levels.length - MAX_LEVELS_LISTED} more (${levels.length} levels)`;
}

/** The input columns with their types and trained ranges or levels, and the target. */
export function factorsSection(bundle: ModelBundle): Html {
  const schema = bundle.schema;
  const rows = schema.columns.map((col) => [col.name, col.kind === 'numeric' ? 'number' : 'category', columnRangeText(col), count(col.missingInTraining)]);
  const o = schema.outcome;
  return section(
    'factors',
    html`${paragraph(
      `The model reads ${schema.columns.length} input column${schema.columns.length === 1 ? '' : 's'}, in this order. ` +
        'An applicant with a number outside its trained range, or a category level training never saw, lies outside what the model learned from.',
    )}${dataTable(
      'Input columns',
      [{ label: 'Column' }, { label: 'Type' }, { label: 'Trained range or levels' }, { label: 'Training rows missing it', align: 'number' }],
      rows,
    )}${paragraph(
      `Target: “${o.target}”; the bad outcome is “${o.bad}”, the good “${o.good}”. The model's label 1 is “${schema.positive}”. ` +
        `Numbers in applicant answers are read with “${schema.decimal}” as the decimal mark, as in the training file.`,
    )}`,
  );
}
