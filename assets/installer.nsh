; Included by electron-builder's NSIS installer (it picks up installer.nsh from buildResources).
; "Open with" for the files the app takes (.csv, .ndjson, .json and their .gz), without becoming
; their default app: the app's own file class, listed under each extension's OpenWithProgids and
; under its Applications key's SupportedTypes. Each extension's default value, which says which
; app opens it on a double-click, is never written. The uninstaller removes exactly these entries.

!define LEXER_FILE_CLASS "LexerUploader.CustomerData"

!macro lexerOpenWith EXT
  WriteRegStr SHELL_CONTEXT "Software\Classes\.${EXT}\OpenWithProgids" "${LEXER_FILE_CLASS}" ""
  WriteRegStr SHELL_CONTEXT "Software\Classes\Applications\${APP_EXECUTABLE_FILENAME}\SupportedTypes" ".${EXT}" ""
!macroend

!macro lexerNotOpenWith EXT
  DeleteRegValue SHELL_CONTEXT "Software\Classes\.${EXT}\OpenWithProgids" "${LEXER_FILE_CLASS}"
!macroend

!macro customInstall
  WriteRegStr SHELL_CONTEXT "Software\Classes\${LEXER_FILE_CLASS}" "" "Customer data for Lexer"
  WriteRegStr SHELL_CONTEXT "Software\Classes\${LEXER_FILE_CLASS}\DefaultIcon" "" "$appExe,0"
  WriteRegStr SHELL_CONTEXT "Software\Classes\${LEXER_FILE_CLASS}\shell\open" "" "Upload with ${PRODUCT_NAME}"
  WriteRegStr SHELL_CONTEXT "Software\Classes\${LEXER_FILE_CLASS}\shell\open\command" "" '"$appExe" "%1"'
  WriteRegStr SHELL_CONTEXT "Software\Classes\Applications\${APP_EXECUTABLE_FILENAME}\shell\open\command" "" '"$appExe" "%1"'
  !insertmacro lexerOpenWith "csv"
  !insertmacro lexerOpenWith "ndjson"
  !insertmacro lexerOpenWith "json"
  !insertmacro lexerOpenWith "gz"
  ; Explorer reads the new entries without a restart.
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
!macroend

!macro customUnInstall
  !insertmacro lexerNotOpenWith "csv"
  !insertmacro lexerNotOpenWith "ndjson"
  !insertmacro lexerNotOpenWith "json"
  !insertmacro lexerNotOpenWith "gz"
  DeleteRegKey SHELL_CONTEXT "Software\Classes\${LEXER_FILE_CLASS}"
  DeleteRegKey SHELL_CONTEXT "Software\Classes\Applications\${APP_EXECUTABLE_FILENAME}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
!macroend
