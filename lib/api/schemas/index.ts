/** Response schemas of the JSON API: handlers are typed by them, clients and contract tests parse with them. */
export * from './common';
export * from './workspaces';
export * from './overview';
export * from './call-analytics';
export * from './calls';
export * from './agents';
export * from './billing';
export * from './admin';
export * from './alerts';
