/** Typed allocator errors with the texts of pkg/registry/core/service/{ipallocator,portallocator}. */
export class AllocationError extends Error {
  constructor(
    readonly code: 'allocated' | 'outOfRange' | 'full',
    message: string,
  ) {
    super(message);
  }
}

export const ErrAllocated = (): AllocationError =>
  new AllocationError('allocated', 'provided port is already allocated');
export const ErrIPAllocated = (): AllocationError =>
  new AllocationError('allocated', 'provided IP is already allocated');
export const ErrFull = (): AllocationError => new AllocationError('full', 'range is full');
