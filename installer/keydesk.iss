; Inno Setup script: the Windows installer for a front-desk PC.
; Built by `python installer/build.py` on Windows (needs Inno Setup's ISCC.exe on PATH).
#define AppVersion GetEnv("KEYDESK_VERSION")

[Setup]
AppId={{6F1C7B52-3E0A-4B8B-9A77-0E5D2C1B4A10}
AppName=KeyDesk
AppVersion={#AppVersion}
AppPublisher=KeyDesk
DefaultDirName={autopf}\KeyDesk
DefaultGroupName=KeyDesk
OutputDir=..\dist
OutputBaseFilename=KeyDesk-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequiredOverridesAllowed=dialog
LicenseFile=..\installer\LICENSE.txt

[Files]
Source: "..\dist\KeyDesk\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\KeyDesk"; Filename: "{app}\keydesk.exe"; Parameters: "window"
Name: "{group}\KeyDesk (demo)"; Filename: "{app}\keydesk.exe"; Parameters: "demo"
Name: "{autodesktop}\KeyDesk"; Filename: "{app}\keydesk.exe"; Parameters: "window"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "Create a desktop shortcut"; Flags: unchecked

[Run]
Filename: "{app}\keydesk.exe"; Parameters: "self-test"; Description: "Run the self-test now"; Flags: postinstall nowait skipifsilent unchecked
