'use client';

import { useRouter } from 'next/navigation';
import { Component, startTransition, type ReactNode } from 'react';
import { ErrorState } from './ErrorState';

type Props = { title: string; height?: number; children: ReactNode; onRetry?: () => void };
type State = { error: Error | null };

class Boundary extends Component<Props & { refresh: () => void }, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  retry = () => {
    // Re-render the server components of this page, then let the children try again.
    startTransition(() => {
      this.props.refresh();
      this.setState({ error: null });
    });
  };

  render() {
    if (!this.state.error) return this.props.children;
    return (
      <section aria-label={this.props.title} className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <h2 className="mb-3 flex min-h-7 items-center text-sm font-semibold text-slate-900">{this.props.title}</h2>
        <ErrorState title={`Could not load “${this.props.title}”`} onRetry={this.retry} height={this.props.height} />
      </section>
    );
  }
}

/**
 * Catches a failing card (a server component that threw while streaming, or a client
 * chart) so the rest of the page stays usable; Retry refreshes the route and re-renders.
 */
export function ErrorBoundary(props: Props) {
  const router = useRouter();
  return <Boundary {...props} refresh={props.onRetry ?? router.refresh} />;
}
