import 'next-auth';
import 'next-auth/jwt';

// What our JWT and session carry beyond next-auth's defaults (see options.ts callbacks).
declare module 'next-auth' {
  interface Session {
    user: { id: string; email: string; name: string | null; isPlatformAdmin: boolean };
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    uid?: string;
    isPlatformAdmin?: boolean;
    /** The server-side session (lib/auth/sessions.ts). */
    sid?: string;
  }
}
