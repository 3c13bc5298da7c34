import 'server-only'
import { dictionary } from '@zxcvbn-ts/language-common'

// ~49,000 common passwords from zxcvbn-ts's maintained list (ASVS 2.1.7: refuse breached or common ones).
const common = new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()))

export function isCommonPassword(password: string) {
  return common.has(password.toLowerCase())
}
