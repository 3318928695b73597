import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';

/**
 * SSRF guard for outgoing webhooks. A webhook URL is chosen by a customer, and our server
 * sends to it: without this, "https://10.0.0.5/admin" or a name that resolves to 127.0.0.1
 * would let them reach our own network. Every address a host resolves to must be public;
 * the check runs when a rule is saved and again on the socket of every delivery (the
 * `lookup` below), so a name that later re-resolves to a private address is refused too.
 * WEBHOOK_ALLOW_PRIVATE_NETWORKS=true lets an operator (and the tests' loopback receiver) through.
 */

const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24],
  ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) blocked.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['2001:db8::', 32], ['64:ff9b::', 96]] as const) {
  blocked.addSubnet(net, prefix, 'ipv6');
}

export function privateNetworksAllowed(env: Record<string, string | undefined> = process.env): boolean {
  return ['true', '1', 'yes', 'on'].includes((env.WEBHOOK_ALLOW_PRIVATE_NETWORKS ?? '').trim().toLowerCase());
}

/** Loopback, private, link-local, CGNAT, multicast, documentation or reserved: not a place a webhook may go. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, 'ipv4');
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) return blocked.check(mapped[1]!, 'ipv4');
    return blocked.check(address, 'ipv6');
  }
  return true;
}

export class UnsafeUrlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsafeUrlError';
  }
}

function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

/** Resolves the URL's host; throws UnsafeUrlError when any address is private (unless allowed) or it does not resolve. */
export async function assertPublicUrl(value: string, env: Record<string, string | undefined> = process.env): Promise<void> {
  const url = new URL(value);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UnsafeUrlError('must be an http(s) URL');
  if (privateNetworksAllowed(env)) return;
  const host = hostOf(url);
  const addresses = isIP(host)
    ? [host]
    : await new Promise<string[]>((resolve, reject) =>
        dnsLookup(host, { all: true }, (error, found) => (error ? reject(new UnsafeUrlError(`host ${host} does not resolve`)) : resolve(found.map((a) => a.address)))),
      );
  if (addresses.length === 0 || addresses.some(isPrivateAddress)) {
    throw new UnsafeUrlError('resolves to a loopback or private-network address; webhooks go to public addresses only');
  }
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** A `lookup` for http.request that refuses private addresses at connect time (DNS rebinding). */
export function guardedLookup(env: Record<string, string | undefined> = process.env) {
  const allow = privateNetworksAllowed(env);
  return (hostname: string, options: object, callback: LookupCallback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const list = addresses as LookupAddress[];
      const bad = !allow && list.some((a) => isPrivateAddress(a.address));
      if (bad || list.length === 0) return callback(Object.assign(new UnsafeUrlError(`${hostname} resolves to a private-network address`), { code: 'EPRIVATE' }), []);
      if ((options as { all?: boolean }).all) return callback(null, list);
      callback(null, list[0]!.address, list[0]!.family);
    });
  };
}
