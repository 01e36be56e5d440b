/**
 * GetWarningsForService (pkg/api/service/warnings.go), the parts a Service's addresses trigger:
 * an externalIP written in a non-standard form (leading zeros, as GetWarningsForIP words it) and
 * externalIPs on an ExternalName Service, which nothing uses.
 */
import type { Service } from '../types.ts';

export function serviceWarnings(service: Service): string[] {
  const warnings: string[] = [];
  const externalIPs = service.spec?.externalIPs ?? [];
  externalIPs.forEach((ip, i) => {
    const standard = standardIPv4(ip);
    if (standard !== undefined && standard !== ip) {
      warnings.push(
        `spec.externalIPs[${i}]: non-standard IP address "${ip}" will be considered invalid in a future Kubernetes release: use "${standard}"`,
      );
    }
  });
  if (service.spec?.type === 'ExternalName' && externalIPs.length > 0)
    warnings.push('spec.externalIPs is ignored when spec.type is "ExternalName"');
  if (service.spec?.type !== 'ExternalName' && service.spec?.externalName)
    warnings.push('spec.externalName is ignored when spec.type is not "ExternalName"');
  return warnings;
}

/** ParseIPSloppy's reading of a dotted IPv4 address, leading zeros taken as decimal. */
function standardIPv4(ip: string): string | undefined {
  const octets = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip)?.slice(1).map(Number);
  if (!octets || octets.some((o) => o > 255)) return undefined;
  return octets.join('.');
}
