import dns from 'node:dns';
import net from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * SSRF rule for webhook URLs: http(s) only, and the address connected to must be public. Decided by an allow
 * list (ipaddr.js's range names; only plain global unicast passes), so a range we forgot is refused rather than
 * reached. IPv4-mapped and NAT64 IPv6 addresses are judged by the IPv4 address inside them.
 */

const LABELS: Record<string, string> = { linkLocal: 'link-local', carrierGradeNat: 'carrier-grade NAT', uniqueLocal: 'unique-local', rfc6052: 'NAT64' };

/** Why an address may not be called, or null when it is a public unicast address. */
export function blockedReason(address: string): string | null {
  if (!ipaddr.isValid(address)) return 'is not an IP address';
  let ip = ipaddr.process(address); // ::ffff:a.b.c.d becomes a.b.c.d
  if (ip.kind() === 'ipv6' && ip.range() === 'rfc6052' && ip.match(ipaddr.parseCIDR('64:ff9b::/96'))) {
    ip = ipaddr.fromByteArray(ip.toByteArray().slice(12));
  }
  const range = ip.range();
  if (range !== 'unicast') return `is not public (${LABELS[range] ?? range})`;
  // IPv6 global unicast is 2000::/3; everything else (including the deprecated IPv4-compatible ::a.b.c.d) is not.
  if (ip.kind() === 'ipv6' && !ip.match(ipaddr.parseCIDR('2000::/3'))) return 'is not public (not global unicast)';
  return null;
}

export class BlockedAddressError extends Error {
  override name = 'BlockedAddressError';
  readonly code = 'EWEBHOOKBLOCKED';
}

/** The hostname of a URL without IPv6 brackets. */
function bareHost(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

/** Problems with a URL as given at registration: scheme, form, and a literal IP that is not public. */
export function urlProblem(raw: string, allowPrivateNetworks: boolean): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'must be an absolute http:// or https:// URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must start with http:// or https://';
  // Credentials would be shown in every listing and log line; the signature is what authenticates us.
  if (url.username || url.password) return 'must not contain a user name or password';
  if (url.hash) return 'must not contain a #fragment';
  const host = bareHost(url);
  // The URL parser already turned 0x7f.1, 2130706433 and the like into dotted IPv4, so this sees them all.
  if (!allowPrivateNetworks && net.isIP(host)) {
    const reason = blockedReason(host);
    if (reason) return `must not point at a loopback, private or otherwise non-public address (${host} ${reason})`;
  }
  return null;
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http(s).request that resolves as usual and then refuses non-public answers, so the check
 * applies to the address actually connected to (a name that resolves differently a second time, DNS rebinding,
 * gains nothing). Any one non-public answer refuses the whole name.
 */
export function guardedLookup(hostname: string, options: dns.LookupOptions, callback: LookupCallback): void {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, '');
    for (const { address } of addresses) {
      const reason = blockedReason(address);
      if (reason) return callback(new BlockedAddressError(`refused: ${hostname} resolves to ${address}, which ${reason} (WEBHOOK_ALLOW_PRIVATE_NETWORKS is off)`), '');
    }
    if (options.all) return callback(null, addresses);
    const first = addresses[0];
    if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '');
    callback(null, first.address, first.family);
  });
}

/** Refuses a literal-IP host before connecting: Node does not call `lookup` for those. */
export function literalHostProblem(url: URL): string | null {
  const host = bareHost(url);
  if (!net.isIP(host)) return null;
  const reason = blockedReason(host);
  return reason ? `refused: ${host} ${reason} (WEBHOOK_ALLOW_PRIVATE_NETWORKS is off)` : null;
}
