; Inno Setup script: Footprint for one Windows user without administrator rights, or for
; all users of a PC when IT installs it as an administrator.
;
; Build after packaging/build_frozen.py has made dist\Footprint\ (the workflow does this):
;   ISCC.exe /DAppVersion=0.1.0 packaging\footprint.iss
;   ISCC.exe /DAppVersion=0.1.0 /DSign "/Sfootprintsign=signtool sign ... $f" packaging\footprint.iss
; Output: dist\Footprint-<version>-windows-setup.exe (with /DSign the setup and its
; uninstaller are Authenticode-signed through the sign tool named "footprintsign").
;
; By default it installs for the current user only, to %LOCALAPPDATA%\Programs\Footprint,
; with no administrator password. Run by an administrator with /ALLUSERS it installs to
; C:\Program Files\Footprint with Start menu entries for everyone. Silent switches for IT
; (Inno Setup's own, https://jrsoftware.org/ishelp/topic_setupcmdline.htm):
;   Footprint-<version>-windows-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /ALLUSERS
;       [/DIR="C:\Program Files\Footprint"] [/LOG="C:\Temp\footprint-setup.log"]
;   "C:\Program Files\Footprint\unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART
; The worker's data (%LOCALAPPDATA%\Footprint, per user) is never touched by installing or
; upgrading. Uninstalling interactively offers, with No preselected, to delete the current
; user's data; silently (and in all-users mode, where the data is in each user's own
; profile) it leaves it. "Delete all my data" in Settings also removes it.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
; Never change AppId: upgrades find the earlier installation by it.
AppId={{59D3FEA4-D4D5-42A8-AE95-BE68B1EDDDB7}
AppName=Footprint
AppVersion={#AppVersion}
AppVerName=Footprint {#AppVersion}
AppPublisher=Footprint contributors
AppCopyright=MIT licence, Footprint contributors
VersionInfoVersion={#AppVersion}
VersionInfoDescription=Footprint setup
; Per user by default, with no question asked; /ALLUSERS (IT) installs for all users.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline
; {autopf} is %LOCALAPPDATA%\Programs per user and C:\Program Files for all users.
DefaultDirName={autopf}\Footprint
DisableDirPage=auto
DefaultGroupName=Footprint
DisableProgramGroupPage=yes
LicenseFile=..\LICENSE
SetupIconFile=..\resources\icons\footprint.ico
UninstallDisplayIcon={app}\Footprint.exe
UninstallDisplayName=Footprint
OutputDir=..\dist
OutputBaseFilename=Footprint-{#AppVersion}-windows-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Close a running Footprint (it may be in the tray) before replacing its files.
CloseApplications=yes
RestartApplications=no
#ifdef Sign
SignTool=footprintsign
SignedUninstaller=yes
#endif

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; Files of an earlier version that this one no longer has.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "..\dist\Footprint\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Footprint"; Filename: "{app}\Footprint.exe"; Comment: "Privacy self-audit"
Name: "{autodesktop}\Footprint"; Filename: "{app}\Footprint.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\Footprint.exe"; Description: "{cm:LaunchProgram,Footprint}"; Flags: nowait postinstall skipifsilent

[Code]
// Issue 30: the uninstaller must not pull files from under a Footprint that is still running
// (it usually is, in the tray), and it offers to delete the worker's data, No preselected.

function FootprintRunning(): Boolean;
var
  Locator, Service, Processes: Variant;
  Folder: String;
begin
  // WMI's Win32_Process (as in Inno Setup's own examples), limited to the installed folder.
  Result := False;
  Folder := ExpandConstant('{app}');
  StringChangeEx(Folder, '\', '\\', True);
  try
    Locator := CreateOleObject('WbemScripting.SWbemLocator');
    Service := Locator.ConnectServer('.', 'root\CIMV2');
    Processes := Service.ExecQuery('SELECT ProcessId FROM Win32_Process WHERE ExecutablePath LIKE ''' + Folder + '\\%''');
    Result := Processes.Count > 0;
  except
    Result := False;
  end;
end;

procedure CloseFootprint();
var
  ResultCode: Integer;
begin
  // Every answer is saved the moment it is given, so ending the process loses nothing.
  Exec(ExpandConstant('{sys}\taskkill.exe'), '/F /T /IM Footprint.exe', '', SW_HIDE, ewWaitUntilTerminated, ResultCode);
  Exec(ExpandConstant('{sys}\taskkill.exe'), '/F /T /IM footprint-cli.exe', '', SW_HIDE, ewWaitUntilTerminated, ResultCode);
end;

function InitializeUninstall(): Boolean;
begin
  Result := True;
  if not FootprintRunning() then
    exit;
  if UninstallSilent() then
    CloseFootprint()
  else if MsgBox('Footprint is still running (perhaps only as an icon in the tray). ' +
      'Close it now and uninstall? Your answers are already saved.',
      mbConfirmation, MB_YESNO) = IDYES then
    CloseFootprint()
  else
    Result := False;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataFolder: String;
begin
  // Start at login is written by Footprint itself (the HKCU Run value "Footprint");
  // uninstalling removes it, so nothing is left pointing at a program that is gone.
  if CurUninstallStep = usUninstall then
    RegDeleteValue(HKEY_CURRENT_USER, 'Software\Microsoft\Windows\CurrentVersion\Run', 'Footprint');
  // The data is the worker's own, in their profile: offered, never assumed; not when silent
  // (IT) or in all-users mode (each user's data is in their own profile).
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent() and not IsAdminInstallMode() then
  begin
    DataFolder := ExpandConstant('{localappdata}\Footprint');
    if DirExists(DataFolder) and (MsgBox('Also delete your Footprint data?' + #13#10#13#10 +
        'This removes your audits, their history, your notes and the browser profiles that ' +
        'keep you signed in for automatic reading (' + DataFolder + '). It cannot be undone. ' +
        'Choose No to keep them for a later installation.',
        mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES) then
      DelTree(DataFolder, True, True, True);
  end;
end;
