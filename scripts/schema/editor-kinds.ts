/**
 * The input of the editor's JSON schema (generate.ts): the kinds a learner writes in the editor, as
 * the `kubernetes-types` package types them, each with the apiVersion it is served at.
 */
export type { Deployment, ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1';
export type { ConfigMap, Endpoints, Namespace, Pod, Service } from 'kubernetes-types/core/v1';
export type { EndpointSlice } from 'kubernetes-types/discovery/v1';
