// text-readability ships no types; only the functions the readability score uses are declared.
declare module 'text-readability' {
  const readability: {
    fleschReadingEase(text: string): number
    lexiconCount(text: string, removePunctuation?: boolean): number
    sentenceCount(text: string): number
  }
  export default readability
}
