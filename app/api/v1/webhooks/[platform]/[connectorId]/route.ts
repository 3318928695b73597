import { webhookRoute } from '@/lib/connectors/route';

// Called by Vapi, Retell and Bland, never by a browser: no session cookie is read.
export const POST = webhookRoute();
