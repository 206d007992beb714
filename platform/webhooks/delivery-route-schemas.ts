/**
 * The querystring of a webhook's delivery list (`GET …/webhooks/{id}/deliveries`), the same for every
 * kind of webhook on the ordered queue: a state filter (`dead` is the dead-letter list) and a limit.
 */
export const deliveryListQuery = () => ({
  type: 'object',
  additionalProperties: false,
  properties: {
    status: { type: 'string', enum: ['pending', 'delivered', 'dead'], description: 'Only this state.' },
    limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100, description: 'Most returned.' },
  },
})

export interface DeliveryListQuery {
  status?: 'pending' | 'delivered' | 'dead'
  limit: number
}

/** The querystring of a replay (`POST …/replay?fromEventId=`): the event to send again from, inclusive. */
export const replayQuery = (fromEventId: { format?: string; pattern?: string; description: string }) => ({
  type: 'object',
  required: ['fromEventId'],
  additionalProperties: false,
  properties: { fromEventId: { type: 'string', ...fromEventId } },
})
