import { expect, request, test } from '@playwright/test';
import { DEMO_USERS, signIn } from './fixtures/auth';

// Sign-out ends the session on the server: a copy of the cookie taken before stops working.
test('a session cookie copied before sign-out is refused after it', async ({ page, baseURL }) => {
  await signIn(page, DEMO_USERS.member.email, DEMO_USERS.member.password);
  const stolen = await page.context().storageState();
  expect((await page.request.get('/api/workspaces')).status()).toBe(200);

  await page.goto('/logout');
  await expect(page).toHaveURL(/\/login/);

  const thief = await request.newContext({ baseURL, storageState: stolen });
  try {
    expect((await thief.get('/api/workspaces')).status()).toBe(401);
    const pageResponse = await thief.get('/workspaces', { maxRedirects: 0 });
    // The proxy only checks the JWT's signature; the page itself sees the revoked session.
    expect([302, 303, 307]).toContain(pageResponse.status());
  } finally {
    await thief.dispose();
  }
});
