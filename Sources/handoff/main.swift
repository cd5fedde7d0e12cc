import HandoffKit
print(HandoffVersion.current)
