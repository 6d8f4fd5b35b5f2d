import type * as os from 'node:os';

/** The loopback names: a server bound to one of them answers this machine alone. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** This machine's IPv4 addresses that another machine may reach, from os.networkInterfaces(). */
export function externalAddresses(interfaces: NodeJS.Dict<os.NetworkInterfaceInfo[]>): string[] {
  return Object.values(interfaces)
    .flat()
    .filter((i) => i !== undefined && i.family === 'IPv4' && !i.internal)
    .map((i) => i!.address);
}

/**
 * What scripts/start.sh prints once the server answers: the address on this machine and how another machine
 * reaches it. `url(host)` is the workbench's address as opened at `host`.
 */
export function reachMessage(
  host: string,
  port: number,
  addresses: readonly string[],
  url: (host: string) => string,
  password?: string,
): string {
  const local = host === '0.0.0.0' ? '127.0.0.1' : host;
  const lines = [`Open in a browser on this machine:`, '', `  ${url(local)}`, ''];
  if (isLoopback(host)) {
    lines.push(
      `It listens on ${host} alone. From another machine, forward the port over SSH and open the address above there:`,
      '',
      `  ssh -N -L ${port}:${local}:${port} USER@${addresses[0] ?? 'THIS-MACHINE'}`,
      '',
      'or start it with --host 0.0.0.0 (every interface, with a password) and --port to choose the port.',
    );
  } else {
    const remote = host === '0.0.0.0' ? addresses : [host];
    lines.push(
      remote.length ? 'From another machine:' : `From another machine: this machine's address, port ${port}.`,
      '',
      ...remote.map((address) => `  ${url(address)}`),
      '',
    );
    if (password) lines.push(`Password: ${password}`, '');
    lines.push('Anyone who reaches the port and has the password can use this machine as you: a trusted network only.');
  }
  return lines.join('\n');
}
