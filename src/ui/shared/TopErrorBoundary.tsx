import { Component, type ErrorInfo, type ReactNode } from 'react';
import { translate } from '../i18n';

interface State {
  readonly failed: boolean;
}

/** Catches a rendering error anywhere below it and offers a reload instead of a blank page. */
export class TopErrorBoundary extends Component<{ children: ReactNode }, State> {
  state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('CreditLab crashed while rendering', error, info.componentStack);
  }

  // A class cannot use hooks: `translate` reads the active language when the crash screen renders.
  render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <main className="app">
        <div role="alert" className="alert" data-problem-code="page.crashed">
          {translate('crash.message')}{' '}
          <button type="button" onClick={() => window.location.reload()}>
            {translate('crash.reload')}
          </button>
        </div>
      </main>
    );
  }
}
