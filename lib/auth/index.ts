export { getAuthOptions } from './options';
export { authConfig, type AuthConfig } from './config';
export { callerFromToken, readSessionToken, type Caller } from './caller';
export { allows, findWorkspaceAccess, listAccessibleWorkspaces, type AccessibleWorkspace, type WorkspaceAccess } from './access';
export { ROLES, hasRole, type Role } from './roles';
export { loginPath, safeCallbackPath } from './login-path';
export { TOO_MANY_ATTEMPTS, TOO_MANY_ATTEMPTS_MESSAGE, TooManyAttemptsError } from './errors';
