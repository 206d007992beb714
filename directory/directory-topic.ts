/**
 * The outbox topic of every directory change (departments, resources, service items): one topic, so a
 * subscriber that mirrors the catalog sees those changes in the order they were made.
 */
export const DIRECTORY_TOPIC = 'directory-events'
