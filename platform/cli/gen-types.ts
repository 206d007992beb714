import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { SCHEMAS_DIR } from '../schemas/schema-catalog.ts'
import { generateTypes } from '../schemas/type-generator.ts'

export const GENERATED_TYPES = path.join(SCHEMAS_DIR, 'generated', 'types.ts')

await writeFile(GENERATED_TYPES, await generateTypes())
console.log(`wrote ${path.relative(process.cwd(), GENERATED_TYPES)}`)
