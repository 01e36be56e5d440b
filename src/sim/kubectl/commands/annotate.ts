/** `kubectl annotate TYPE NAME KEY=VAL... KEY-` (annotate.go). */
import { ANNOTATIONS, mapCommand } from './write/metadata-map.ts';

export const annotateCommand = mapCommand('annotate', ANNOTATIONS, 'Update the annotations on a resource');
