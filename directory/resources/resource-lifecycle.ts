import { ConflictError } from '../../platform/errors/app-error.ts'
import type { Resource } from '../../schemas/generated/types.ts'

/**
 * The lifecycle of a resource as a pure state machine. A resource is
 *   draft → submitted → published → deprecated → withdrawn,
 * a reviewer may return a submission (submitted → draft), and a published resource can carry one
 * newer working version (draft or submitted) without leaving `published`: consumers keep seeing the
 * current version until the reviewer publishes the new one.
 */

export type ResourceStatus = Resource['status']
export type VersionStatus = Resource['versionStatus']
export type LifecycleAction = 'edit' | 'submit' | 'publish' | 'return' | 'deprecate' | 'withdraw'

export interface LifecycleState {
  status: ResourceStatus
  /** Status of the newest version. */
  latest: VersionStatus
}

export interface Transition {
  status: ResourceStatus
  /** What happens to the newest version: stays, becomes this status, or a new draft version starts. */
  latest: VersionStatus | 'new-draft'
}

/** Where `action` leads from `state`; a 409 `illegal-transition` when it is not allowed there. */
export function transition(state: LifecycleState, action: LifecycleAction): Transition {
  const next = TRANSITIONS[action](state)
  if (!next) {
    throw new ConflictError(
      'illegal-transition',
      `Cannot ${action} a ${state.status} resource whose newest version is ${state.latest}`,
    )
  }
  return next
}

const live = (s: ResourceStatus) => s === 'draft' || s === 'submitted' || s === 'published'

const TRANSITIONS: Record<LifecycleAction, (s: LifecycleState) => Transition | undefined> = {
  edit: (s) => {
    if (!live(s.status)) return undefined
    if (s.latest === 'draft') return { status: s.status, latest: 'draft' }
    if (s.latest === 'published') return { status: s.status, latest: 'new-draft' }
    return undefined
  },
  submit: (s) =>
    live(s.status) && s.latest === 'draft'
      ? { status: s.status === 'published' ? 'published' : 'submitted', latest: 'submitted' }
      : undefined,
  publish: (s) =>
    live(s.status) && s.latest === 'submitted' ? { status: 'published', latest: 'published' } : undefined,
  return: (s) =>
    live(s.status) && s.latest === 'submitted'
      ? { status: s.status === 'published' ? 'published' : 'draft', latest: 'draft' }
      : undefined,
  deprecate: (s) => (s.status === 'published' ? { status: 'deprecated', latest: s.latest } : undefined),
  withdraw: (s) => (s.status === 'deprecated' ? { status: 'withdrawn', latest: s.latest } : undefined),
}
