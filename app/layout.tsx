import type { Metadata, Viewport } from 'next';
import './globals.css';
import { Providers } from './providers';

export const metadata: Metadata = {
  title: { default: 'VoiceDash', template: '%s · VoiceDash' },
  description: 'Analytics and billing for voice-AI agent platforms',
  icons: { icon: { url: '/favicon.svg', type: 'image/svg+xml' } },
  // A private dashboard: keep every page out of search engines (public/robots.txt says the same).
  robots: { index: false, follow: false },
};

// Every page is rendered per request: the Content-Security-Policy's nonce (proxy.ts) is
// fresh for each response, and a prerendered page would carry scripts without it.
export const dynamic = 'force-dynamic';

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
