; Inno Setup script for Windows: installs the PyInstaller folder built by
;   pyinstaller --noconfirm --clean packaging\desktop-search.spec
; (run from the repository root on Windows), then:
;   iscc packaging\windows\desktop-search.iss
; Written and reviewed, not built: the project's machines run Linux (see packaging/README.md).
; Note: the daemon's IPC is a Unix socket today; a Windows build needs the named-pipe
; transport first (see the issue notes), so this installer is ready ahead of that.

#define AppName "Desktop Search"
#define AppVersion GetEnv("DESKTOP_SEARCH_VERSION")
#if AppVersion == ""
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{5E0C8E4A-4B8F-4C1B-9B1E-6D3F2A7C9D10}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=desktop-search developers
DefaultDirName={autopf}\Desktop Search
DefaultGroupName={#AppName}
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir=..\..\dist
OutputBaseFilename=desktop-search-{#AppVersion}-windows-x64-setup
Compression=lzma2/max
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
WizardStyle=modern
UninstallDisplayIcon={app}\desktop-searchw.exe

[Tasks]
Name: "startatlogin"; Description: "Start the indexer when I log in"; Flags: unchecked
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; Flags: unchecked

[Files]
Source: "..\..\build\packaging\dist\desktop-search\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\desktop-searchw.exe"; Parameters: "gui"
Name: "{group}\{#AppName} Indexer"; Filename: "{app}\desktop-searchw.exe"; Parameters: "tray"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\desktop-searchw.exe"; Parameters: "gui"; Tasks: desktopicon

[Registry]
; Start at login: the same value the settings dialog's checkbox writes on Windows.
Root: HKCU; Subkey: "Software\Microsoft\Windows\CurrentVersion\Run"; ValueType: string; ValueName: "DesktopSearchIndexer"; ValueData: """{app}\desktop-searchw.exe"" tray"; Flags: uninsdeletevalue; Tasks: startatlogin

[Run]
Filename: "{app}\desktop-searchw.exe"; Parameters: "gui"; Description: "Open {#AppName}"; Flags: nowait postinstall skipifsilent

[UninstallRun]
Filename: "{app}\desktop-search.exe"; Parameters: "status"; Flags: runhidden; RunOnceId: "StatusCheck"
