import { Component, type ReactNode } from 'react';

type Props = { children: ReactNode; onError: (error: unknown) => void; fallback?: ReactNode };

/**
 * Around a lazily loaded part (a dialog, a palette): when its code fails to download, the part
 * reports it through `onError` instead of taking the whole page down with it.
 */
export class LoadErrorBoundary extends Component<Props, { hasFailed: boolean }> {
  override state = { hasFailed: false };

  static getDerivedStateFromError() {
    return { hasFailed: true };
  }

  override componentDidCatch(error: unknown) {
    this.props.onError(error);
  }

  override render() {
    return this.state.hasFailed ? (this.props.fallback ?? null) : this.props.children;
  }
}
