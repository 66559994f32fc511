import { Fragment } from 'react';
import type { BackendChoice } from '../../model/backendChoice';
import { localCount, useT } from '../i18n';
import { type ReasonNote, reasonNotes } from './backendReason';
import { slotsFor, withData } from '../shared/messageParts';

/** One note of the reason in the active language; backend names and renderer text are not translated. */
function Note({ note }: { note: ReasonNote }) {
  const { t } = useT();
  switch (note.code) {
    case 'text':
      return <span translate="no">{note.text}</span>;
    case 'gpu':
    case 'softwareRendered':
      return <>{withData(t(`train.reason.${note.code}`, slotsFor('renderer')), { renderer: note.renderer })}</>;
    case 'failedToStart':
    case 'carriedOn':
    case 'loaded':
      return <>{withData(t(`train.reason.${note.code}`, slotsFor('backend')), { backend: note.backend })}</>;
    case 'failedDuringTraining':
      return <>{withData(t('train.reason.failedDuringTraining', slotsFor('failed')), { failed: note.failed })}</>;
    case 'warmUp':
    case 'warmUpGpu':
      return (
        <>
          {withData(t(`train.reason.${note.code}`, { ...slotsFor('webgl', 'wasm'), webglSpeed: localCount(note.webglSpeed), wasmSpeed: localCount(note.wasmSpeed) }), {
            webgl: 'webgl',
            wasm: 'wasm',
          })}
        </>
      );
    default:
      return <>{t(`train.reason.${note.code}`)}</>;
  }
}

/** Why the backend in use was chosen, in the active language. */
export function BackendReason({ backend }: { backend: BackendChoice }) {
  const { t } = useT();
  return (
    <>
      {reasonNotes(backend).map((note, i) => (
        <Fragment key={i}>
          {i > 0 && t('train.reason.separator')}
          <Note note={note} />
        </Fragment>
      ))}
    </>
  );
}
