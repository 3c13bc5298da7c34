import type { NextAuthOptions } from 'next-auth'
import CredentialsProvider from 'next-auth/providers/credentials'
import { env } from '@/lib/env'
import { clientIpHeader } from '@/lib/request'
import { signInSchema } from './schema'
import { verifyCredentials } from './sign-in'

export const sessionMaxAgeSeconds = 30 * 24 * 60 * 60

export const authOptions: NextAuthOptions = {
  secret: env.NEXTAUTH_SECRET,
  session: { strategy: 'jwt', maxAge: sessionMaxAgeSeconds },
  pages: { signIn: '/login', error: '/login' },
  providers: [
    CredentialsProvider({
      name: 'Email and password',
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' }, code: { label: 'Authentication code', type: 'text' } },
      async authorize(credentials, req) {
        const parsed = signInSchema.safeParse(credentials)
        if (!parsed.success) return null
        const header = req?.headers?.[clientIpHeader]
        const ip = (Array.isArray(header) ? header[0] : header) ?? 'unknown'
        // A TooManyAttemptsError or SecondFactorError propagates: next-auth hands its message to the sign-in form.
        const user = await verifyCredentials(parsed.data.email, parsed.data.password, ip, parsed.data.code)
        return user ? { id: user.id, sv: user.sessionVersion, mfa: user.mfa } : null
      },
    }),
  ],
  callbacks: {
    // The token carries only the user id and the session version it was issued with.
    jwt({ token, user }) {
      if (user) return { sub: user.id, sv: (user as { sv?: number }).sv, mfa: (user as { mfa?: boolean }).mfa === true }
      return { sub: token.sub, sv: token.sv, mfa: token.mfa === true }
    },
    session({ session, token }) {
      return { expires: session.expires, user: { id: token.sub, sv: token.sv, mfa: token.mfa === true } } as unknown as typeof session
    },
    redirect({ url, baseUrl }) {
      if (url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/\\')) return `${baseUrl}${url}`
      try {
        if (new URL(url).origin === baseUrl) return url
      } catch {
        // not a URL
      }
      return baseUrl
    },
  },
}
