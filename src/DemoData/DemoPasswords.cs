using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace PasKreatif.Demo;

/// <summary>
/// ASP.NET Core Identity's v3 password hash (PBKDF2-HMACSHA512, 100,000 rounds) with a salt from the
/// demo seed, so two loads write identical rows and the hash is computed once for every account.
/// </summary>
static class DemoPasswords
{
    const int Iterations = 100_000;

    public static string Hash(string password, Random random)
    {
        var salt = new byte[16];
        random.NextBytes(salt);
        var subkey = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA512, 32);
        var output = new byte[13 + salt.Length + subkey.Length];
        output[0] = 0x01; // format marker: v3
        BinaryPrimitives.WriteUInt32BigEndian(output.AsSpan(1), 2); // KeyDerivationPrf.HMACSHA512
        BinaryPrimitives.WriteUInt32BigEndian(output.AsSpan(5), Iterations);
        BinaryPrimitives.WriteUInt32BigEndian(output.AsSpan(9), (uint)salt.Length);
        salt.CopyTo(output, 13);
        subkey.CopyTo(output, 13 + salt.Length);
        return Convert.ToBase64String(output);
    }
}
