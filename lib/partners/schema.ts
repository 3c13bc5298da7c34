import { z } from 'zod'

/** The largest logo file accepted, before it is re-encoded. */
export const maxLogoBytes = 2 * 1024 * 1024

/** What the field shows when an upload is refused; the server's checks use the same words. */
export const logoMessages = {
  type: 'Upload a PNG, JPEG or WebP image',
  size: 'The image must be at most 2 MB',
  pixels: 'This image is too large in pixels',
  damaged: 'This file is damaged or not an image',
} as const

export const partnerConflictMessage = 'Someone else saved this partner first. Reload to see their changes; your text is still in the form.'

const partnerId = z.uuid({ error: 'Unknown partner' })

/** True for an absolute https:// address with a dotted host name. */
export function isHttpsUrl(value: string) {
  try {
    const url = new URL(value)
    return url.protocol === 'https:' && url.hostname.includes('.') && !url.username && !url.password
  } catch {
    return false
  }
}

/** A checkbox: a boolean from react-hook-form, or 'true'/'on'/'' from FormData (absent means unchecked). */
const checkbox = z.union([z.boolean(), z.enum(['true', 'on', 'false', '']).transform((v) => v === 'true' || v === 'on')]).default(false)

/**
 * The chosen logo file, if any. An empty file input sends a nameless 0-byte file: that means "no
 * new logo". Only the size is checked here (cheaply, also in the browser); the content is checked
 * on the server by lib/partners/upload.ts, never the name or the declared type.
 */
const logoFile = z
  .instanceof(File, { error: logoMessages.type })
  .optional()
  .transform((file) => (file && file.size > 0 ? file : undefined))
  .refine((file) => !file || file.size <= maxLogoBytes, logoMessages.size)

export const partnerFormSchema = z.object({
  name: z
    .string({ error: 'Enter the partner name' })
    .trim()
    .min(1, 'Enter the partner name')
    .max(100, 'Use at most 100 characters')
    .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), 'Remove control characters'),
  websiteUrl: z
    .string()
    .trim()
    .max(300, 'Use at most 300 characters')
    .refine((v) => v === '' || isHttpsUrl(v), 'Enter a full address starting with https://, e.g. https://www.example.com')
    .default(''),
  visible: checkbox,
  logo: logoFile,
})
export type PartnerFormInput = z.input<typeof partnerFormSchema>
export type PartnerFormData = z.output<typeof partnerFormSchema>

/** The edit form: the same fields plus the row and the version the editor started from. */
export const partnerUpdateSchema = partnerFormSchema.extend({
  id: partnerId,
  version: z.coerce.number<unknown>().int().positive(),
})
export type PartnerUpdateData = z.output<typeof partnerUpdateSchema>

export const partnerIdSchema = z.object({ id: partnerId })

export const partnerMoveSchema = z.object({ id: partnerId, direction: z.enum(['up', 'down']) })
export type PartnerMoveInput = z.input<typeof partnerMoveSchema>

export const partnerVisibilitySchema = z.object({
  id: partnerId,
  version: z.number().int().positive(),
  visible: z.boolean(),
})
export type PartnerVisibilityInput = z.input<typeof partnerVisibilitySchema>
