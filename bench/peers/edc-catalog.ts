/**
 * The generated Linfen catalog (bench/directory.bench.ts `generate`) as EDC assets: one `edc_asset`
 * row per resource, its 1272 core metadata as asset properties in the shape EDC's SQL asset index
 * stores them (expanded JSON-LD: every key an IRI in the EDC namespace). Rows are written straight to
 * the table for speed (loading is set-up, not measured); the bench reads some back through the
 * management API to check that EDC serves them.
 */
import { renderCode } from '../../directory/resources/resource-code.ts'
import type { ResourceDraft } from '../../schemas/generated/types.ts'

export const EDC_NS = 'https://w3id.org/edc/v0.0.1/ns/'
export const EDC_PARTICIPANT = 'bench-provider'

/** The asset id: the rendered resource code with `-` for `/` (the hub's URL form of the code). */
export const assetId = (draft: ResourceDraft) => renderCode(draft.code).replace('/', '-')

const literal = (value: string | number | boolean) => [{ '@value': value }]

export function edcAssetRow(draft: ResourceDraft, createdAt: number) {
  const id = assetId(draft)
  const flat: Record<string, string | boolean | null> = {
    id,
    code: renderCode(draft.code),
    name: draft.name,
    summary: draft.summary,
    provider: draft.provider,
    shareType: draft.shareType,
    shareCondition: draft.shareCondition ?? null,
    shareMethods: draft.shareMethods.join(','),
    open: draft.open,
    updateCycle: draft.updateCycle,
    formatCategory: draft.format.category,
    formatType: draft.format.type ?? null,
  }
  const properties: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(flat)) if (value !== null) properties[EDC_NS + key] = value
  properties[`${EDC_NS}items`] = draft.items.map((item) => ({
    [`${EDC_NS}code`]: literal(item.code),
    [`${EDC_NS}name`]: literal(item.name),
    [`${EDC_NS}dataType`]: literal(item.dataType),
    [`${EDC_NS}personal`]: literal(item.personal),
    [`${EDC_NS}shareType`]: literal(item.shareType),
  }))
  return {
    asset_id: id,
    created_at: createdAt,
    properties: JSON.stringify(properties),
    private_properties: '{}',
    data_address: JSON.stringify({
      [`${EDC_NS}type`]: 'HttpData',
      [`${EDC_NS}baseUrl`]: `http://127.0.0.1:9/records/${id}`,
    }),
    participant_context_id: EDC_PARTICIPANT,
  }
}
