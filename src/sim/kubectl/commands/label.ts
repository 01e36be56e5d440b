/** `kubectl label TYPE NAME KEY=VAL... KEY-` (label.go). */
import { LABELS, mapCommand } from './write/metadata-map.ts';

export const labelCommand = mapCommand('label', LABELS, 'Update the labels on a resource');
