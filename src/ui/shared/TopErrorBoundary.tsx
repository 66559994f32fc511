import { Component, type ErrorInfo, type ReactNode } from 'react';

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

  render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <main className="app">
        <div role="alert" className="alert">
          Something went wrong on this page. Your data never left this device.{' '}
          <button type="button" onClick={() => window.location.reload()}>
            Reload CreditLab
          </button>
        </div>
      </main>
    );
  }
}
