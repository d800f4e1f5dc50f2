import { ref } from 'vue'
import { useBundleStore } from '@/stores/bundle'

/**
 * Downloading a stored bundle file (the .docx or the .zip) from the case's bundle tab or the legal
 * team's received bundles: a file that cannot be saved gives a message to show, not a silent failure.
 * Each screen keeps its own message, cleared at the next attempt.
 */
export function useBundleDownload() {
  const bundle = useBundleStore()
  const downloadError = ref('')
  async function download(documentId: string | undefined): Promise<void> {
    downloadError.value = ''
    if (!documentId) return
    try {
      await bundle.download(documentId)
    } catch (e) {
      downloadError.value = e instanceof Error ? e.message : String(e)
    }
  }
  return { downloadError, download }
}
