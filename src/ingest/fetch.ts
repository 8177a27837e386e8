// Fetching a feed or page named on the command line, with a time limit, a size limit, and a refusal
// to reach private, loopback or link-local addresses (unless --allow-private): a URL is data, and
// must not make sitrep a way into the machine's own network. The host is resolved first and every
// address it has is checked; the connection then goes to a checked address, so a second lookup
// cannot swap in another (DNS rebinding). Redirects are followed by hand and checked the same way.
import { lookup as dnsLookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import http from 'node:http';
import https from 'node:https';

export interface FetchOptions {
  allowPrivate?: boolean;
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  /** for tests: resolves a host name to addresses */
  resolve?: (host: string) => Promise<{ address: string; family: number }[]>;
}

export interface Fetched {
  /** the URL the body came from, after redirects */
  url: string;
  contentType: string;
  body: Buffer;
}

export class FetchError extends Error {}

const blocked = new BlockList();
// IPv4: "this network", private (RFC 1918), shared address space (RFC 6598), loopback, link-local,
// IETF protocol assignments, documentation, benchmarking, multicast, reserved, broadcast.
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  blocked.addSubnet(net, bits, 'ipv4');
// IPv6: unspecified, loopback, unique local, link-local, site-local (deprecated), multicast, documentation.
for (const [net, bits] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
  ['2001:db8::', 32],
] as const)
  blocked.addSubnet(net, bits, 'ipv6');

/** True for addresses a fetch must not reach without --allow-private. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, 'ipv4');
  if (family === 6) {
    const a = address.toLowerCase();
    // IPv4 written as IPv6 (::ffff:10.0.0.1, ::10.0.0.1, NAT64 64:ff9b::10.0.0.1) is the IPv4 address.
    const v4 = /^(?:::ffff:|::|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/.exec(a);
    if (v4) return blocked.check(v4[1], 'ipv4');
    const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(a);
    if (hex) {
      const n = (parseInt(hex[1], 16) << 16) | parseInt(hex[2], 16);
      return blocked.check([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.'), 'ipv4');
    }
    return blocked.check(a, 'ipv6');
  }
  return true; // not an address at all: refuse
}

/** The addresses to connect to for a URL's host, each checked; throws FetchError when refused. */
export async function checkedAddresses(url: URL, opts: FetchOptions = {}): Promise<{ address: string; family: number }[]> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addrs: { address: string; family: number }[];
  if (isIP(host)) addrs = [{ address: host, family: isIP(host) }];
  else {
    try {
      addrs = await (opts.resolve ?? ((h) => dnsLookup(h, { all: true, verbatim: true })))(host);
    } catch (e) {
      throw new FetchError(`cannot resolve ${host} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    if (!addrs.length) throw new FetchError(`cannot resolve ${host}`);
  }
  if (!opts.allowPrivate) {
    const bad = addrs.find((a) => isPrivateAddress(a.address));
    if (bad)
      throw new FetchError(
        `refused: ${host} resolves to ${bad.address}, a private, loopback or link-local address (use --allow-private to allow)`,
      );
  }
  return addrs;
}

function once(url: URL, addr: { address: string; family: number }, opts: Required<Pick<FetchOptions, 'timeoutMs' | 'maxBytes'>>, deadline: number) {
  return new Promise<{ status: number; location?: string; contentType: string; body: Buffer }>((resolve, reject) => {
    const mod = url.protocol === 'https:' ? https : http;
    const req = mod.request(
      url,
      {
        method: 'GET',
        headers: { 'user-agent': 'sitrep (news event extraction)', accept: 'application/rss+xml, application/atom+xml, application/xml, text/html;q=0.9, */*;q=0.5' },
        // Connect to the address that was checked, whatever a new lookup would say.
        lookup: (_host: string, o: { all?: boolean }, cb: (...args: any[]) => void) =>
          o?.all ? cb(null, [{ address: addr.address, family: addr.family }]) : cb(null, addr.address, addr.family),
        timeout: Math.max(1, deadline - Date.now()),
      },
      (res) => {
        const status = res.statusCode ?? 0;
        if (status >= 300 && status < 400 && res.headers.location) {
          res.resume();
          resolve({ status, location: res.headers.location, contentType: '', body: Buffer.alloc(0) });
          return;
        }
        const declared = Number(res.headers['content-length'] ?? 0);
        if (declared > opts.maxBytes) {
          req.destroy();
          reject(new FetchError(`too large: ${declared} bytes (limit ${opts.maxBytes})`));
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > opts.maxBytes) {
            req.destroy();
            reject(new FetchError(`too large: more than ${opts.maxBytes} bytes`));
            return;
          }
          chunks.push(c);
        });
        res.on('end', () => resolve({ status, contentType: String(res.headers['content-type'] ?? ''), body: Buffer.concat(chunks) }));
        res.on('error', (e) => reject(new FetchError(e.message)));
      },
    );
    const timer = setTimeout(() => req.destroy(new FetchError(`timed out after ${opts.timeoutMs} ms`)), Math.max(1, deadline - Date.now()));
    req.on('timeout', () => req.destroy(new FetchError(`timed out after ${opts.timeoutMs} ms`)));
    req.on('error', (e) => reject(e instanceof FetchError ? e : new FetchError((e as NodeJS.ErrnoException).code ?? e.message)));
    req.on('close', () => clearTimeout(timer));
    req.end();
  });
}

/** GETs a URL within the limits; throws FetchError with a one-line reason. */
export async function safeFetch(raw: string, opts: FetchOptions = {}): Promise<Fetched> {
  const timeoutMs = opts.timeoutMs ?? 20_000;
  const maxBytes = opts.maxBytes ?? 20 * 1048576;
  const deadline = Date.now() + timeoutMs;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FetchError(`not a URL: ${raw}`);
  }
  for (let hops = 0; hops <= (opts.maxRedirects ?? 5); hops++) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchError(`only http and https URLs are fetched, not ${url.protocol}`);
    const [addr] = await checkedAddresses(url, opts);
    const r = await once(url, addr, { timeoutMs, maxBytes }, deadline);
    if (r.location) {
      url = new URL(r.location, url);
      continue;
    }
    if (r.status < 200 || r.status >= 300) throw new FetchError(`HTTP ${r.status}`);
    return { url: url.toString(), contentType: r.contentType, body: r.body };
  }
  throw new FetchError('too many redirects');
}
