/** `apps/v1` → `apis/apps/v1`, `v1` → `api/v1`: the key of a group version in the /openapi/v3 index. */
export function groupVersionPath(groupVersion: string): string {
  return groupVersion.includes('/') ? `apis/${groupVersion}` : `api/${groupVersion}`;
}

/** The file name of a group version's document in the kubernetes repository's api/openapi-spec/v3. */
export function specFileName(groupVersion: string): string {
  return `${groupVersionPath(groupVersion).replaceAll('/', '__')}_openapi.json`;
}
