/**
 * `?watch=true`: a chunked stream of `{"type":"ADDED","object":{...}}` lines, as the API server
 * sends it. Without a resourceVersion (or with 0) it starts with the current objects; from a list's
 * resourceVersion it replays what changed since; `sendInitialEvents=true` ends the current objects
 * with the `k8s.io/initial-events-end` bookmark. Tables are sent when the client asks for them.
 */
import { apiVersionOf } from '../sim/api/resources.ts';
import type { KubeObject } from '../sim/api/types.ts';
import type { RecordedEvent } from './watch-hub.ts';
import { includeObjectOf, selectedObjects, type ResourceRequest } from './resource-request.ts';
import { expired } from './status.ts';
import { toTable, wantsTable } from './tables.ts';
import { warningHeader } from './respond.ts';

/** How long a stepped clock waits for a quiet moment before jumping to the next deadline. */
const STEP_IDLE_MS = 5;
/** How often an idle watch that allows them gets a bookmark. */
const BOOKMARK_EVERY_MS = 60_000;

export function serveWatch(req: ResourceRequest): void {
  const { served, response, query, path } = req;
  const { type } = path;
  const selected = selectedObjects(req);
  const tableVersion = wantsTable(req.request.headers.accept);
  const includeObject = includeObjectOf(query);
  const apiVersion = apiVersionOf(type);
  let firstTable = true;

  const encode = (eventType: string, object: Readonly<KubeObject>): string => {
    if (tableVersion && eventType !== 'BOOKMARK') {
      const table = toTable(type, [object], {
        nowMs: served.now(),
        version: tableVersion,
        includeObject,
        noHeaders: !firstTable,
      });
      firstTable = false;
      return `${JSON.stringify({ type: eventType, object: table })}\n`;
    }
    return `${JSON.stringify({ type: eventType, object: { ...object, apiVersion, kind: type.kind } })}\n`;
  };

  const resourceVersion = query.get('resourceVersion') ?? '';
  const fromVersion = resourceVersion === '' || resourceVersion === '0' ? undefined : Number(resourceVersion);
  const headers: Record<string, string | string[]> = {
    'Content-Type': 'application/json',
    'Cache-Control': 'no-cache, private',
    'Transfer-Encoding': 'chunked',
  };
  const warnings = served.api.requestWarnings(type.resource);
  if (warnings.length > 0) headers['Warning'] = warnings.map(warningHeader);

  if (fromVersion !== undefined && (!Number.isFinite(fromVersion) || fromVersion < served.hub.oldest)) {
    response.writeHead(200, headers);
    response.end(
      `${JSON.stringify({ type: 'ERROR', object: expired(resourceVersion, served.hub.oldest).status })}\n`,
    );
    return;
  }
  response.writeHead(200, headers);
  // A client waits for the headers before it goes on; a quiet watch must not hold them back.
  response.flushHeaders();

  const sendInitialEvents = query.get('sendInitialEvents') === 'true';
  const bookmarks = query.get('allowWatchBookmarks') === 'true';
  const bookmark = (initialEventsEnd: boolean): string =>
    `${JSON.stringify({
      type: 'BOOKMARK',
      object: {
        kind: type.kind,
        apiVersion,
        metadata: {
          resourceVersion: String(served.hub.resourceVersion),
          ...(initialEventsEnd ? { annotations: { 'k8s.io/initial-events-end': 'true' } } : {}),
        },
      },
    })}\n`;

  let chunk = '';
  if (fromVersion === undefined || sendInitialEvents) {
    for (const object of served.api.store.peek(type.resource, type.namespaced ? path.namespace : undefined)) {
      if (selected(object)) chunk += encode('ADDED', object);
    }
    if (sendInitialEvents) chunk += bookmark(true);
  } else {
    for (const event of served.hub.since(fromVersion)) chunk += encodeEvent(event);
  }
  if (chunk) response.write(chunk);

  function encodeEvent(event: RecordedEvent): string {
    if (event.resource !== type.resource || !selected(event.object)) return '';
    return encode(event.type, event.object);
  }

  let idle: ReturnType<typeof setTimeout> | undefined;
  const stepWhenIdle = (): void => {
    if (served.clockMode !== 'stepped') return;
    if (idle) clearTimeout(idle);
    idle = setTimeout(() => {
      if (served.step()) stepWhenIdle();
    }, STEP_IDLE_MS);
  };

  const unlisten = served.hub.listen((event) => {
    const text = encodeEvent(event);
    if (text) response.write(text);
    stepWhenIdle();
  });
  const timers: ReturnType<typeof setTimeout>[] = [];
  const timeoutSeconds = Number(query.get('timeoutSeconds') ?? '');
  if (Number.isFinite(timeoutSeconds) && timeoutSeconds > 0)
    timers.push(setTimeout(() => response.end(), timeoutSeconds * 1000));
  if (bookmarks) timers.push(setInterval(() => response.write(bookmark(false)), BOOKMARK_EVERY_MS));
  const stop = (): void => {
    unlisten();
    if (idle) clearTimeout(idle);
    for (const timer of timers) clearTimeout(timer);
  };
  response.on('close', stop);
  stepWhenIdle();
}
