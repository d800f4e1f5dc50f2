import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron'
import type { z } from 'zod'

/**
 * The single door for IPC (after VS Code's validated IPC entry): a handler only runs when the call
 * comes from our own window's main frame and its payload parses with the channel's schema.
 * Handlers never see raw input.
 */
export type TrustedSender = () => WebContents | undefined

export class IpcRejection extends Error {
  constructor(channel: string, reason: string) {
    super(`${channel}: ${reason}`)
    this.name = 'IpcRejection'
  }
}

export function describeZodIssues(error: z.ZodError): string {
  return error.issues.map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message)).join('; ')
}

export function registerHandler<S extends z.ZodType, R>(
  ipcMain: Pick<IpcMain, 'handle'>,
  trustedSender: TrustedSender,
  channel: string,
  schema: S,
  handler: (payload: z.infer<S>, event: IpcMainInvokeEvent) => Promise<R> | R,
): void {
  ipcMain.handle(channel, async (event: IpcMainInvokeEvent, ...args: unknown[]) => {
    const expected = trustedSender()
    if (!expected || event.sender !== expected) throw new IpcRejection(channel, 'refused: the call did not come from the ASB Workstation window')
    if (!event.senderFrame || event.senderFrame !== expected.mainFrame) {
      throw new IpcRejection(channel, 'refused: the call did not come from the main frame')
    }
    if (args.length > 1) throw new IpcRejection(channel, 'invalid request: expected at most one argument')
    const parsed = schema.safeParse(args[0])
    if (!parsed.success) throw new IpcRejection(channel, `invalid request: ${describeZodIssues(parsed.error)}`)
    return handler(parsed.data, event)
  })
}
