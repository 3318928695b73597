import { cookies, headers } from 'next/headers';
import { forbidden, notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '@/lib/db';
import { findWorkspaceAccess, type WorkspaceAccess } from './access';
import { callerFromToken, readSessionToken, type Caller } from './caller';
import { loginPath } from './login-path';

/**
 * Guards for server components and server actions (pages, layouts). Each resolves the
 * caller once per request (React cache) and interrupts rendering instead of returning
 * an empty answer, so a page body only runs for someone allowed to see it.
 */

/** The signed-in caller, or null. Never throws for a missing or expired session. */
export const getCaller = cache(async (): Promise<Caller | null> => {
  const cookieStore = await cookies();
  const token = await readSessionToken({
    headers: Object.fromEntries(await headers()),
    cookies: Object.fromEntries(cookieStore.getAll().map((cookie) => [cookie.name, cookie.value])),
  });
  return callerFromToken(await getDb(), token);
});

/** The caller, or a redirect to /login (coming back to `callbackUrl`, a local path, afterwards). */
export async function requireCaller(callbackUrl?: string): Promise<Caller> {
  const caller = await getCaller();
  if (!caller) redirect(loginPath(callbackUrl));
  return caller;
}

/**
 * The caller's access to a workspace. Another workspace, a nonexistent one and a malformed
 * id all render the not-found page (404), indistinguishably.
 */
export async function requireWorkspaceAccess(workspaceId: string, callbackUrl?: string): Promise<WorkspaceAccess & { caller: Caller }> {
  const caller = await requireCaller(callbackUrl);
  const access = await findWorkspaceAccess(await getDb(), caller, workspaceId);
  if (!access) notFound();
  return { ...access, caller };
}

/**
 * A platform admin, or the 403 page via Next's forbidden() (rendered by app/forbidden.tsx
 * if present, else Next's default). forbidden() needs `experimental.authInterrupts: true`
 * in next.config.mjs; without it, Next makes forbidden() throw a plain Error (a 500), so
 * we fall back to notFound(): still closed, just a 404.
 */
export async function requirePlatformAdmin(callbackUrl?: string): Promise<Caller> {
  const caller = await requireCaller(callbackUrl);
  if (!caller.isPlatformAdmin) {
    if (process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS) forbidden();
    notFound();
  }
  return caller;
}
