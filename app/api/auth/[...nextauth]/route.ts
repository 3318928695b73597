import NextAuth from 'next-auth';
import type { NextRequest } from 'next/server';
import { getAuthOptions } from '@/lib/auth/options';
import { withThrottleStatus } from '@/lib/auth/throttle-response';

type Context = { params: Promise<{ nextauth: string[] }> };

// Options are built per call (cached) so that importing this module needs no secret.
function nextAuth(request: NextRequest, context: Context): Promise<Response> {
  return NextAuth(request, context, getAuthOptions()) as Promise<Response>;
}

export function GET(request: NextRequest, context: Context): Promise<Response> {
  return nextAuth(request, context);
}

/** Sign-in refused by the throttle → 429 (next-auth alone would say 401). */
export async function POST(request: NextRequest, context: Context): Promise<Response> {
  return withThrottleStatus(await nextAuth(request, context));
}
